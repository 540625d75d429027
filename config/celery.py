import os

from celery import Celery
from celery.signals import worker_init

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("agendum")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@worker_init.connect
def _load_the_renderer(**kwargs) -> None:
    """The worker loads WeasyPrint once, before its pool forks: the web processes never do
    (documents.rendering imports it when it renders), and a first render must not spend its
    soft time limit importing it."""
    import weasyprint
    import weasyprint.urls  # noqa: F401
