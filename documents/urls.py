from documents import feeds
from documents.views import publications, registry, writing

app_name = "documents"

# Each views module keeps its own routes; the order matters only for overlapping paths.
urlpatterns = (
    publications.urlpatterns + registry.urlpatterns + writing.urlpatterns + feeds.urlpatterns
)
