"""Routes of the JSON API (/api/v1/): each app's ``api.py`` registers its resources; the
OpenAPI 3 schema and its browsable docs (served from our own static files)."""

from __future__ import annotations

from django.urls import include, path
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerView
from rest_framework.routers import DefaultRouter

from config.api import BearerTokenAuthentication


class BearerTokenScheme(OpenApiAuthenticationExtension):
    target_class = BearerTokenAuthentication
    name = "personalToken"

    def get_security_definition(self, auto_schema):
        return {"type": "http", "scheme": "bearer"}


def _router() -> DefaultRouter:
    from agendas import api as agendas_api
    from documents import api as documents_api
    from meetings import api as meetings_api

    router = DefaultRouter(trailing_slash=True)
    for module in (meetings_api, documents_api, agendas_api):
        module.register(router)
    return router


app_name = "api"

urlpatterns = [
    path("schema", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api:schema"), name="docs"),
    path("redoc/", SpectacularRedocView.as_view(url_name="api:schema"), name="redoc"),
    path("", include(_router().urls)),
]
