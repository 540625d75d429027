"""/healthz: what a load balancer and an operator read."""

from __future__ import annotations

import pytest

from documents.tasks import sweep_publications

pytestmark = [pytest.mark.faults, pytest.mark.usefixtures("pdf_media")]


def test_healthz_is_degraded_until_a_worker_has_swept_then_ok(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {
        "status": "degraded",
        "checks": {
            "database": "ok",
            "storage": "ok",
            "broker": "ok",
            "workers": "no heartbeat yet",
        },
    }
    sweep_publications.apply()  # what beat has a worker run every PUBLISH_SWEEP_SECONDS
    response = client.get("/healthz")
    assert response.json() == {
        "status": "ok",
        "checks": {"database": "ok", "storage": "ok", "broker": "ok", "workers": "ok"},
    }


def test_healthz_with_the_broker_down_is_degraded_but_keeps_the_web_in_service(
    client, transactional_db, redis_broker
):
    sweep_publications.apply()
    assert client.get("/healthz").json()["status"] == "ok"
    redis_broker.stop()
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "degraded"
    assert body["checks"]["broker"].startswith("OperationalError")
    assert body["checks"]["database"] == "ok"
