"""Gunicorn worker classes and web workers' memory, on one agenda of 200 items (not a test).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres .venv/bin/python bench/workers.py \
        [--seconds 5] [--connections 8] [--configs LIST] [--memory] [--imports] [--keep] \
        [--venv DIR]

It builds the world of ``bench/agenda.py`` (whose code it reuses: a throwaway database on the
PostgreSQL server of DATABASE_URL, one body whose issued agenda has 200 items, 1,000
allocated documents and 500 proposals, dropped at the end unless --keep) and then serves the
app with gunicorn on 127.0.0.1 in turn as:

  sync          2 sync workers (``config/bin/serve.sh``'s command)
  gthread       2 gthread workers of 4 threads, --keep-alive 0: every connection is closed
                after its response, as behind a proxy without upstream keep-alive
  gthread-ka    the same with gunicorn's default --keep-alive 2: a client's connection stays
                with the worker that accepted it

in that order, or in the order of ``--configs`` (``--configs gthread-ka,gthread,sync``: the
machine's load changes over a run, so run both orders when the figures are close).

For each it loads the main pages ``--rounds`` times each (home, body, meeting, issued agenda as
a visitor and as a delegate, draft editor and proposal queue as the secretariat, registry, a
document, the API's lists), 4 at a time, then puts ``wrk`` (apt-get install wrk) with
``--connections`` keep-alive connections on the visitors' agenda, the delegate's agenda and
the registry, and prints req/s, p50 and p99 of each, and the memory of each web worker after
all that: resident (VmRSS in /proc/<pid>/status) and proportional (Pss in smaps_rollup: a page
shared with the arbiter and the other workers counted as its share; the app is preloaded by
config/gunicorn_settings.py, which gunicorn runs with here as in serve.sh).

``--memory`` skips wrk and serves only as sync workers: the memory after the load of the main
pages. ``--imports`` also lists the packages a sync worker has imported by then (written by
each worker as it exits) with what each adds to a process that has just run django.setup().
Targets (issue 15): <= 100 MB a web worker; serve.sh's worker class chosen by these figures.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=5.0, help="wrk's time on each page")
    parser.add_argument("--connections", type=int, default=8, help="wrk's connections")
    parser.add_argument("--rounds", type=int, default=20, help="requests to each main page")
    parser.add_argument("--configs", default="sync,gthread,gthread-ka", help="in this order")
    parser.add_argument("--memory", action="store_true", help="sync workers' memory only")
    parser.add_argument("--imports", action="store_true", help="list a worker's imports")
    parser.add_argument("--keep", action="store_true", help="keep the benchmark database")
    parser.add_argument(
        "--venv",
        default=str(ROOT / ".venv"),
        help="the virtualenv whose gunicorn serves (e.g. one with requirements.txt only, as a "
        "production install: the development tools add packages DRF then imports)",
    )
    return parser.parse_args()


ARGS = parse_args()
# bench/agenda.py reads its options and its environment when imported: give it ours.
_argv, sys.argv = sys.argv, [str(ROOT / "bench" / "agenda.py")]
sys.argv += ["--seconds", str(ARGS.seconds), "--connections", str(ARGS.connections)]
from bench import agenda as A  # noqa: E402

sys.argv = _argv

CONFIGS = {
    "sync": ["--workers=2"],
    "gthread": ["--workers=2", "--threads=4", "--keep-alive=0"],
    "gthread-ka": ["--workers=2", "--threads=4", "--keep-alive=2"],
}
# Each worker writes the modules it has imported as it exits (--imports).
HOOKS = """\
import os, sys

# The app's own settings (preloading, gc.freeze), then this bench's hook.
exec(open("config/gunicorn_settings.py").read())

def worker_exit(server, worker):
    path = os.path.join(os.environ["AGENDUM_VAR_DIR"], f"modules-{os.getpid()}.txt")
    with open(path, "w") as out:
        out.write("\\n".join(sorted(sys.modules)))
"""


def start(options: list[str], port: int):
    (A.WORK / "gunicorn_hooks.py").write_text(HOOKS)
    command = [str(Path(ARGS.venv) / "bin" / "gunicorn"), "config.wsgi:application", *options]
    command += [f"--bind=127.0.0.1:{port}", "--log-level=warning", "--timeout=60"]
    command += [f"--config={A.WORK / 'gunicorn_hooks.py'}"]
    process = subprocess.Popen(
        command, cwd=ROOT, env={**os.environ, **A.ENV}, start_new_session=True
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if A.fetch(port, "/bench/bare/")[0] == 200:
                return process
        except OSError:
            time.sleep(0.2)
    A.stop(process)
    raise SystemExit("gunicorn did not start within 30 s.")


def main_pages(world: dict, cookies: dict) -> list[tuple[str, str]]:
    from django.urls import reverse

    from documents.models import Document

    body, number = world["body"].slug, world["meeting"].number
    found = [(path, cookies[who] if who else "") for path, who in A.pages(world).values()]
    document = Document.objects.filter(meeting=world["meeting"]).order_by("number").first()
    for path in (
        "/",
        reverse("meetings:body_detail", kwargs={"body": body}),
        reverse("meetings:meeting_detail", kwargs={"body": body, "number": number}),
        reverse("documents:list"),
        reverse("documents:detail", kwargs={"symbol": document.symbol}),
        "/api/v1/bodies/",
        "/api/v1/meetings/",
        "/api/v1/documents/",
        "/api/v1/agendas/",
    ):
        found += [(path, ""), (path, cookies["delegate"])]
    return [*found, ("/api/v1/proposals/", cookies["delegate"])]


def load_main_pages(port: int, pages: list[tuple[str, str]]) -> None:
    def get(page: tuple[str, str]) -> None:
        status, body = A.fetch(port, *page)
        if status != 200:
            raise SystemExit(f"{page[0]} answered HTTP {status}: {body[:300]!r}")

    with ThreadPoolExecutor(4) as pool:
        list(pool.map(get, pages * ARGS.rounds))


def import_costs(modules: set[str]) -> list[tuple[str, int, float]]:
    """The worker's packages, each with its module count and the MB that importing its
    modules (those of the worker) adds to a process that has just run django.setup(), one
    package after the other, the biggest library first and our apps last; what django.setup()
    loads counts nothing."""
    probe = (
        "import gc, importlib, json, sys, django\n"
        "def rss():\n"
        "    for line in open('/proc/self/status'):\n"
        "        if line.startswith('VmRSS'): return int(line.split()[1]) / 1024\n"
        "django.setup()\n"
        "out = []\n"
        "for package, names in json.load(sys.stdin):\n"
        "    gc.collect(); before = rss()\n"
        "    for name in names:\n"
        "        try: importlib.import_module(name)\n"
        "        except Exception: pass\n"
        "    gc.collect(); out.append((package, len(names), rss() - before))\n"
        "print(json.dumps(out))\n"
    )
    ours = {p.name for p in ROOT.iterdir() if p.is_dir()}
    packages = collections.defaultdict(list)
    for name in sorted(modules):
        if not name.startswith("_") and name != "__main__":
            packages[name.split(".")[0]].append(name)
    done = subprocess.run(
        [sys.executable, "-c", probe],
        # Libraries before our apps, which would otherwise be charged with what they import.
        input=json.dumps(sorted(packages.items(), key=lambda p: (p[0] in ours, -len(p[1])))),
        cwd=ROOT,
        env={**os.environ, **A.ENV},
        capture_output=True,
        text=True,
    )
    return sorted(json.loads(done.stdout), key=lambda c: -c[2])


def main() -> None:
    A.create_database()
    server = None
    results: dict[str, dict] = {}
    memory: dict[str, list[float]] = {}
    modules: set[str] = set()
    try:
        import django

        django.setup()
        from django.core.management import call_command
        from django.db import connection

        call_command("prepare_var", verbosity=0)
        call_command("migrate", verbosity=0)
        world = A.build(acronym="CWG-Large", items=200, docs_per_item=5, proposals=500)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        cookies = {who: A.session_cookie(world[who]) for who in ("secretariat", "delegate")}
        pages = main_pages(world, cookies)
        agenda = A.pages(world)["issued agenda (public, cached)"][0]
        loaded = {
            "issued agenda, visitor": (agenda, ""),
            "issued agenda, delegate": (agenda, cookies["delegate"]),
            "registry": ("/documents/", ""),
        }
        print(
            f"{world['items']} agenda items on PostgreSQL ({A.BENCH_DB}); {len(pages)} main "
            f"pages x {ARGS.rounds} before measuring; wrk: {ARGS.connections} connections, "
            f"{ARGS.seconds:g} s a page; load average {os.getloadavg()[0]:.2f}.\n"
        )
        for name in ["sync"] if ARGS.memory else ARGS.configs.split(","):
            options = CONFIGS[name]
            port = A.free_port()
            server = start(options, port)
            load_main_pages(port, pages)
            if not ARGS.memory:
                for page, (path, cookie) in loaded.items():
                    results[(name, page)] = A.measure(port, path, cookie)
            memory[name] = A.worker_memories(server)
            A.stop(server)
            server = None
            if name == "sync":
                for dump in A.WORK.glob("modules-*.txt"):
                    modules |= set(dump.read_text().split())
                    dump.unlink()
        costs = import_costs(modules) if ARGS.imports else []
    finally:
        if server is not None:
            A.stop(server)
        from django.db import connections

        connections.close_all()
        if not ARGS.keep:
            A.drop_database()
            shutil.rmtree(A.WORK, ignore_errors=True)
        else:
            print(f"Kept the database {A.BENCH_DB} and the folder {A.WORK}.")
    report(results, memory, modules, costs)


def report(results: dict, memory: dict, modules: set[str], costs: list) -> None:
    if results:
        header = f"{'workers':16} {'page':26} {'req/s':>7} {'p50 ms':>7} {'p99 ms':>7}"
        print(header)
        print("-" * len(header))
        for (name, page), r in results.items():
            print(f"{name:16} {page:26} {r['rps']:7.0f} {r['median']:7.1f} {r['p99']:7.1f}")
        print()
    for name, mbs in memory.items():
        print(
            f"{name:16} memory of each web worker after the load, RSS / PSS: "
            + ", ".join(f"{rss:.0f} / {pss:.0f} MB" for rss, pss in mbs)
            + f" (mean {statistics.mean(r for r, _ in mbs):.0f} / "
            f"{statistics.mean(p for _, p in mbs):.0f} MB; target <= 100 MB)"
        )
    if costs:
        print(f"\nA sync worker had imported {len(modules)} modules; by package, what they add")
        print("to a process after django.setup() (MB, modules), 0.5 MB or more:")
        for package, count, mb in costs:
            if mb >= 0.5:
                print(f"  {package:28} {mb:6.1f} MB  {count:4d} modules")
    print(f"load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
