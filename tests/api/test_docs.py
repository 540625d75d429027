"""The OpenAPI schema and its browsable docs, served by the application itself."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def test_the_schema_describes_the_workflow_steps(client):
    schema = client.get("/api/v1/schema", headers={"Accept": "application/json"}).json()
    assert schema["openapi"].startswith("3.")
    assert "/api/v1/proposals/{id}/decide/" in schema["paths"]
    assert schema["components"]["securitySchemes"]["personalToken"]["scheme"] == "bearer"


def test_the_docs_page_loads_swagger_ui_from_our_own_static_files(client):
    html = client.get("/api/v1/docs/").content.decode()
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in html
    assert "cdn" not in html.lower()
