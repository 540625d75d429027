"""Settings of the agenda benchmark: the app's own settings with a urlconf that adds a bare
view (the yardstick), plain static files storage, no debug, quiet logs."""

from config.settings import *  # noqa: F403
from config.settings import LOGGING, STORAGES

ROOT_URLCONF = "bench.agenda_urls"
DEBUG = False
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
LOGGING = {**LOGGING, "root": {"handlers": ["console"], "level": "WARNING"}}
# The query counts are taken with Django's test client, whose requests name "testserver".
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]
