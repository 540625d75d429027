"""Gunicorn's settings for the web processes (config/bin/serve.sh, deploy/agendum-web.service,
bench/agenda.py and bench/workers.py pass ``--config config/gunicorn_settings.py``).

The app is loaded once, in the arbiter, before the workers are forked (``preload_app``): the
code, the settings, the URL patterns (with the views, forms, the API's serializers and
DRF) and the translation catalogs are then pages that every worker shares with the arbiter
instead of a copy each. ``gc.freeze()`` before the first fork moves all those objects out of
the collector's reach, so a collection in a worker does not write to (and so copy) the pages
it shares (https://docs.python.org/3/library/gc.html#gc.freeze). What each worker still holds
of its own is what it makes by serving: its database connection, compiled templates, the
per-process cache. bench/workers.py --memory measures it (RSS and PSS of each worker).

Nothing opens a connection while the app loads (Django connects on the first query, Celery
on the first task queued, the cache on its first use), so no socket is shared by the forks.
A new release needs a restart (``systemctl restart agendum-web``), not a HUP, to be loaded.
"""

import gc

preload_app = True


def when_ready(server):
    """In the arbiter, once the app is loaded and before any worker is forked."""
    from django.conf import settings
    from django.urls import get_resolver
    from django.utils import translation

    get_resolver().reverse_dict  # noqa: B018  imports every urlconf, view module and the API
    for language, _name in settings.LANGUAGES:
        translation.activate(language)  # loads each catalog once, for every worker
    translation.deactivate()
    gc.freeze()
