from documents import feeds
from documents.views import external, publications, registry

app_name = "documents"

# Each views module keeps its own routes; the order matters only for overlapping paths.
urlpatterns = (
    publications.urlpatterns + registry.urlpatterns + external.urlpatterns + feeds.urlpatterns
)
