"""Publications under faults (not a test).

    .venv/bin/python bench/faults.py [--publications 200] [--kill-every 4] [--timeout 900]

In a throwaway folder it makes a SQLite database (migrated), a media folder and a
redis-server on a free port, starts two Celery workers (prefork, one child each) and Celery
beat (the sweeper every 2 s), and requests N publications (one per document). Then, until
every publication is published or failed: every ``--kill-every`` seconds it kill -9s one
worker (the whole process group, mid-render or not) and starts a new one, and twice it
restarts the broker without its data (every message it held is lost). The limits are short
so a lost claim comes back in seconds: hard time limit 20 s, lease 22 s.

Prints lost (a request that never reached a worker: still queued at the end), duplicated
(a version published by more than one render, from the workers' logs, or more than one
file), stuck (still rendering at the end), failed, and the time to drain. Lost, duplicated
and stuck must be 0. Everything it started is stopped at the end, also on errors.
"""

from __future__ import annotations

import argparse
import collections
import os
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
BIN = Path(sys.executable).parent


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--publications", type=int, default=200)
    parser.add_argument("--kill-every", type=float, default=4.0, help="seconds between kills")
    parser.add_argument("--timeout", type=float, default=900.0, help="give up after (s)")
    return parser.parse_args()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Bench:
    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.tmp = Path(tempfile.mkdtemp(prefix="agendum-faults-"))
        self.port = free_port()
        self.redis: subprocess.Popen | None = None
        self.workers: list[subprocess.Popen] = []
        self.others: list[subprocess.Popen] = []
        self.started = 0
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "AGENDUM_VAR_DIR": str(self.tmp / "var"),
            "DATABASE_URL": f"sqlite:///{self.tmp / 'faults.sqlite3'}",
            "CELERY_BROKER_URL": f"redis://127.0.0.1:{self.port}/0",
            "MEDIA_ROOT": str(self.tmp / "media"),
            "PUBLISH_SOFT_TIME_LIMIT": "15",
            "PUBLISH_TIME_LIMIT": "20",
            "PUBLISH_LEASE_MARGIN": "2",
            "PUBLISH_SWEEP_SECONDS": "2",
            "PUBLISH_QUEUE_GRACE": "5",
            "PUBLISH_MAX_ATTEMPTS": "5",
            "LOG_LEVEL": "INFO",
        }

    # --- processes ------------------------------------------------------------------------
    def start_redis(self) -> None:
        self.redis = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.tmp),
            ],
            stdout=subprocess.DEVNULL,
        )
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.05)
        raise SystemExit("redis-server did not start")

    def stop_redis(self) -> None:
        if self.redis is not None:
            self.redis.kill()
            self.redis.wait(10)
            self.redis = None

    def celery(self, *args: str, name: str) -> subprocess.Popen:
        self.started += 1
        log = open(self.tmp / f"{name}-{self.started}.log", "w")  # noqa: SIM115
        return subprocess.Popen(
            [str(BIN / "celery"), "-A", "config", *args],
            cwd=ROOT,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def start_worker(self) -> None:
        self.workers.append(
            self.celery(
                "worker",
                "--pool=prefork",
                "--concurrency=1",
                "--loglevel=INFO",
                "--without-gossip",
                "--without-mingle",
                f"--hostname=bench{self.started}@%h",
                name="worker",
            )
        )

    def kill_a_worker(self) -> None:
        victim = self.workers.pop(random.randrange(len(self.workers)))
        os.killpg(victim.pid, signal.SIGKILL)
        victim.wait(10)
        self.start_worker()

    def stop_all(self) -> None:
        for process in [*self.workers, *self.others]:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(10)
        self.stop_redis()

    # --- the run --------------------------------------------------------------------------
    def setup_django(self) -> None:
        subprocess.run(
            [sys.executable, "manage.py", "migrate", "--no-input", "-v", "0"],
            cwd=ROOT,
            env=self.env,
            check=True,
        )
        os.environ.update(self.env)
        import logging

        import django

        django.setup()
        # The workers log at INFO (their "published" lines are counted); this process only
        # says what went wrong.
        logging.getLogger("documents").setLevel(logging.WARNING)

    def request_publications(self) -> list[int]:
        import datetime as dt

        from documents.publishing import publication_request
        from documents.services import document_register
        from tests.factories.meetings import BodyFactory, MeetingFactory, registrar

        body = BodyFactory(
            acronym="CWG-Internet", slug="cwg-internet", symbol_prefix="CWG-Internet"
        )
        meeting = MeetingFactory(body=body, number=21)
        text = "".join(f"<p>Paragraph {i} of the proposal.</p>" for i in range(40))
        ids = []
        admin = registrar()
        for n in range(self.args.publications):
            document = document_register(
                actor=admin,
                meeting=meeting,
                title=f"Contribution {n}",
                source="Secretariat",
                doc_type="contribution",
                purpose="decision",
                date=dt.date(2025, 1, 14),
                text=text,
            )
            ids.append(publication_request(document=document, user=None).pk)
        return ids

    def run(self) -> int:
        self.setup_django()
        from documents.enums import PublicationState
        from documents.models import Publication

        self.start_redis()
        self.others.append(
            self.celery(
                "beat", "--loglevel=INFO", "-s", str(self.tmp / "beat-schedule"), name="beat"
            )
        )
        self.start_worker()
        self.start_worker()
        begin = time.monotonic()
        ids = self.request_publications()
        requested = time.monotonic()
        print(f"{len(ids)} publications requested in {requested - begin:.1f} s")
        broker_restarts = [requested + 10, requested + 30]
        next_kill = time.monotonic() + self.args.kill_every
        kills = 0
        active = {PublicationState.QUEUED, PublicationState.RENDERING}
        while time.monotonic() - begin < self.args.timeout:
            if not Publication.objects.filter(pk__in=ids, state__in=active).exists():
                break
            now = time.monotonic()
            if broker_restarts and now >= broker_restarts[0]:
                broker_restarts.pop(0)
                self.stop_redis()
                time.sleep(2)
                self.start_redis()
                print(f"{now - begin:6.1f} s  broker restarted without its data")
            if now >= next_kill:
                self.kill_a_worker()
                kills += 1
                next_kill = now + self.args.kill_every
            time.sleep(0.2)
        drained = time.monotonic() - begin
        return self.report(ids, drained, kills)

    def report(self, ids: list[int], drained: float, kills: int) -> int:
        from documents.enums import PublicationState
        from documents.models import Publication

        states = collections.Counter(
            Publication.objects.filter(pk__in=ids).values_list("state", flat=True)
        )
        published_by_log: collections.Counter[str] = collections.Counter()
        for log in self.tmp.glob("worker-*.log"):
            published_by_log.update(
                re.findall(r"Publication (\d+) of .* published:", log.read_text())
            )
        media = self.tmp / "media" / "publications"
        files = collections.Counter(p.parent.name for p in media.glob("*/*.pdf"))
        duplicated = sum(1 for n in published_by_log.values() if n > 1) + sum(
            1 for n in files.values() if n > 1
        )
        lost = states[PublicationState.QUEUED]
        stuck = states[PublicationState.RENDERING]
        print(f"workers killed: {kills}, broker restarts: 2")
        print(
            f"published: {states[PublicationState.PUBLISHED]}, failed: "
            f"{states[PublicationState.FAILED]}"
        )
        print(f"lost: {lost}  duplicated: {duplicated}  stuck: {stuck}")
        print(f"time to drain: {drained:.1f} s")
        return 0 if lost == duplicated == stuck == 0 else 1


def main() -> int:
    if shutil.which("redis-server") is None:
        sys.exit("redis-server is missing (apt-get install redis-server).")
    bench = Bench(parse_args())
    try:
        return bench.run()
    finally:
        bench.stop_all()
        shutil.rmtree(bench.tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
