from django.apps import AppConfig


class AgendasConfig(AppConfig):
    name = "agendas"
    verbose_name = "Agendas"

    def ready(self) -> None:
        # Sections of the meeting page and navigation links (see config/panels.py): the
        # documents first (documents/apps.py), then the agenda, then the proposals.
        from agendas.demo import load as load_demo
        from agendas.panels_agenda import agenda_panel
        from agendas.proposals import checks  # noqa: F401  (the deploy check of SITE_URL)
        from agendas.proposals.panels import meeting_proposals_panel, proposal_nav
        from config.demo import register_demo
        from config.panels import register_meeting_panel, register_nav

        register_meeting_panel(agenda_panel, order=20)
        register_meeting_panel(meeting_proposals_panel, order=30)
        register_nav(proposal_nav, order=20)
        register_demo(load_demo, order=30)
