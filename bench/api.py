"""The JSON API's agenda and document list endpoints against their HTML pages (not a test).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/agendum .venv/bin/python bench/api.py \
        [--seconds 4] [--connections 4] [--keep]

Builds the world of bench/agenda.py in a throwaway PostgreSQL database (an agenda of 200
items with 1,000 allocated documents, 500 proposals; the same shape at 20 items) with its
helpers, serves the app with gunicorn the same way (2 sync workers, DEBUG=0), and loads one
after the other, for a few seconds each: the registry page and ``/api/v1/documents/``, the
agenda page and ``/api/v1/agendas/<id>/``, as a visitor and as a member of the body (session
cookie: the member also gets the live draft on both). Rate limits are lifted for the run.

Target (issue 12): each endpoint serves at least as many requests per second as its page.
"""

from __future__ import annotations

import os
import shutil
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
# The benchmark sends thousands of requests a second from one address and one session.
os.environ["API_RATE_PER_TOKEN"] = "100000000/hour"
os.environ["API_RATE_ANONYMOUS"] = "100000000/hour"

# Parses the same arguments and sets the environment of the run.
from bench import agenda as shared


def cases(world: dict) -> dict[str, tuple[str, str]]:
    """name -> (HTML page, API endpoint) for the large world."""
    from django.urls import reverse

    from agendas.models import Agenda

    kwargs = {"body": world["body"].slug, "number": world["meeting"].number}
    agenda = Agenda.objects.get(meeting=world["meeting"])
    return {
        "document list": (reverse("documents:list"), "/api/v1/documents/"),
        "agenda": (reverse("agendas:agenda", kwargs=kwargs), f"/api/v1/agendas/{agenda.pk}/"),
    }


def main() -> None:
    shared.create_database()
    server = None
    results: dict[str, dict] = {}
    try:
        import django

        django.setup()
        from django.core.management import call_command
        from django.db import connection

        call_command("migrate", verbosity=0)
        began = time.monotonic()
        world = shared.build(acronym="CWG-Large", items=200, docs_per_item=5, proposals=500)
        print(
            f"Built in {time.monotonic() - began:.1f} s: {world['items']} items, "
            f"{world['allocations']} allocated documents, {world['proposals']} proposals."
        )
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        cookie = shared.session_cookie(world["secretariat"])
        port = shared.free_port()
        server = shared.start_gunicorn(port)
        tool = "wrk" if shutil.which("wrk") else "Python threads"
        print(
            f"gunicorn: 2 sync workers on 127.0.0.1:{port}; load from {tool}, "
            f"{shared.ARGS.connections} connections, {shared.ARGS.seconds:g} s each.\n"
        )
        results["bare Django view"] = shared.measure(port, "/bench/bare/")
        for name, (page, endpoint) in cases(world).items():
            for who, who_cookie in (("visitor", ""), ("member", cookie)):
                results[f"{name}, {who}: HTML page"] = shared.measure(port, page, who_cookie)
                results[f"{name}, {who}: API"] = shared.measure(port, endpoint, who_cookie)
        results["bare Django view (again)"] = shared.measure(port, "/bench/bare/")
    finally:
        if server is not None:
            shared.stop(server)
        from django.db import connections

        connections.close_all()
        if not shared.ARGS.keep:
            shared.drop_database()
            shutil.rmtree(shared.WORK, ignore_errors=True)
    report(results)


def report(results: dict[str, dict]) -> None:
    header = f"{'what':40} {'req/s':>8} {'median ms':>10} {'p99 ms':>8}"
    print(header)
    print("-" * len(header))
    for name, r in results.items():
        print(f"{name:40} {r['rps']:8.0f} {r['median']:10.1f} {r['p99']:8.1f}")
    bare = statistics.mean(
        [results["bare Django view"]["rps"], results["bare Django view (again)"]["rps"]]
    )
    print(f"\n(bare view: {bare:.0f} req/s)")
    for name in sorted({key.split(": ")[0] for key in results if ": " in key}):
        page, api = results[f"{name}: HTML page"]["rps"], results[f"{name}: API"]["rps"]
        verdict = "met" if api >= page else "NOT met"
        print(f"{name}: API {api:.0f} req/s vs page {page:.0f} ({api / page:.0%}): {verdict}")


if __name__ == "__main__":
    main()
