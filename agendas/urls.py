from agendas.views import editor, proposals

app_name = "agendas"

urlpatterns = editor.urlpatterns + proposals.urlpatterns
