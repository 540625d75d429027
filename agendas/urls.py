from agendas.decisions import urls as decisions_urls
from agendas.views import editor, proposals

app_name = "agendas"

urlpatterns = editor.urlpatterns + proposals.urlpatterns + decisions_urls.urlpatterns
