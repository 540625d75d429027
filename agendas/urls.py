from django.urls import include, path

from agendas.views import editor

app_name = "agendas"

urlpatterns = [
    *editor.urlpatterns,
    # The proposals' routes keep their names in this namespace (agendas:proposal_detail).
    path("", include("agendas.proposals.urls")),
]
