from documents import feeds
from documents.views import external, publications, registry, writing

app_name = "documents"

# Each views module keeps its own routes; the order matters only for overlapping paths.
urlpatterns = (
    publications.urlpatterns
    + registry.urlpatterns
    + writing.urlpatterns
    + external.urlpatterns
    + feeds.urlpatterns
)
