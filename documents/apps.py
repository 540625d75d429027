from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "documents"
    verbose_name = _("Documents")

    def ready(self) -> None:
        # The meeting page's "Documents" section and the navigation link (config/panels.py).
        from config.demo import register_demo
        from config.panels import register_meeting_panel, register_nav
        from documents.demo import load as load_demo
        from documents.panels import documents_nav, meeting_documents_panel

        register_meeting_panel(meeting_documents_panel, order=10)
        register_nav(documents_nav, order=10)
        register_demo(load_demo, order=20)
