from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "meetings"
    verbose_name = "Meetings"

    def ready(self) -> None:
        from config.demo import register_demo
        from config.readers import connect_signals
        from meetings import preferences  # noqa: F401  (signing in brings back one's language)
        from meetings.demo import load

        register_demo(load, order=10)
        connect_signals()
