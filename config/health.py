"""``/healthz`` for a load balancer: one JSON answer about the database, the broker, the
storage and the workers' heartbeat.

503 only when this web process cannot serve pages (database or storage unavailable); a
broker that is down or workers that stopped beating make the answer "degraded" but keep
200, because the web still works without them (publications wait as queued rows, the
sweeper hands them over later) and a load balancer must not take every web machine out of
service for a worker's fault. The workers' heartbeat is a small file in storage that every
sweep writes (``documents.sweep_publications``, every PUBLISH_SWEEP_SECONDS).
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

HEARTBEAT = "health/worker-heartbeat"


def worker_heartbeat_write() -> None:
    """Called by the sweep task: the time it ran, for /healthz to read."""
    if default_storage.exists(HEARTBEAT):
        default_storage.delete(HEARTBEAT)
    default_storage.save(HEARTBEAT, ContentFile(timezone.now().isoformat().encode()))


def _database() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return "ok"


def _broker() -> str:
    from config.celery import app

    with app.connection_for_write() as conn:
        conn.ensure_connection(max_retries=1, timeout=2)
    return "ok"


def _storage() -> str:
    default_storage.exists(HEARTBEAT)
    return "ok"


def _workers() -> str:
    with default_storage.open(HEARTBEAT, "rb") as handle:
        beat = dt.datetime.fromisoformat(handle.read().decode())
    age = (timezone.now() - beat).total_seconds()
    if age > 3 * settings.PUBLISH_SWEEP_SECONDS + 30:
        return f"last heartbeat {age:.0f} s ago"
    return "ok"


def _run(check) -> str:
    try:
        return check()
    except FileNotFoundError:
        return "no heartbeat yet"
    except Exception as exc:  # whatever the backend raises is the answer
        return f"{type(exc).__name__}: {exc}"[:200]


@never_cache
@require_GET
def healthz(request):
    checks = {
        "database": _run(_database),
        "storage": _run(_storage),
        "broker": _run(_broker),
        "workers": _run(_workers),
    }
    critical = checks["database"] != "ok" or checks["storage"] != "ok"
    status = "down" if critical else "ok" if all(v == "ok" for v in checks.values()) else "degraded"
    return JsonResponse({"status": status, "checks": checks}, status=503 if critical else 200)
