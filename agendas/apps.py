from django.apps import AppConfig


class AgendasConfig(AppConfig):
    name = "agendas"
    verbose_name = "Agendas"

    def ready(self) -> None:
        # Sections of the meeting page and navigation links (see meetings/panels.py).
        # One import per area; each module registers its providers when imported.
        from agendas import panels_agenda  # noqa: F401
        from agendas.proposals import checks, panels  # noqa: F401
