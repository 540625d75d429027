"""Real processes for the fault tests: a redis-server each test starts itself on a free port
(so stopping it hurts nobody else), and Celery workers and beat as subprocesses against the
test database, which a test may kill like an operator or the kernel would."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection
from kombu import pools

from config.celery import app

ROOT = Path(__file__).resolve().parents[2]
CELERY = str(Path(sys.executable).with_name("celery"))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def database_url() -> str:
    """The test database (test_<name> on PostgreSQL) as a DATABASE_URL for a subprocess:
    read from the test process's own connection, so the workers see the rows it writes."""
    db = connection.settings_dict
    if db["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{Path(db['NAME']).resolve()}"
    auth = db["USER"] + (f":{db['PASSWORD']}" if db.get("PASSWORD") else "")
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


class RedisBroker:
    """A redis-server with no persistence: stop() loses every message it held, as a broker
    restarted without its data does."""

    def __init__(self, workdir: Path) -> None:
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.workdir = workdir
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        self.process = subprocess.Popen(
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
                str(self.workdir),
            ],
            stdout=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.05)
        pytest.fail("redis-server did not start within 10 s")

    def stop(self) -> None:
        if self.process is not None:
            self.process.kill()
            self.process.wait(10)
            self.process = None


def drop_pooled_connections() -> None:
    """Forget the connections and producers pooled for the broker used so far (what Celery
    itself does after a fork), so the next message goes to the broker configured now."""
    app._pool = None
    # kombu keeps its pools in a registry keyed by the broker's address: closing one there
    # and asking again for the same broker would hand back the closed pool. Empty it.
    pools.reset()
    if "amqp" in app.__dict__:
        app.amqp._producer_pool = None


# Celery reads these from the environment before its configuration (celery.app.utils
# Settings.broker_url and friends): in CI, where CELERY_BROKER_URL is set, app.conf.broker_url
# = ... alone would change nothing and the test process would keep sending to CI's Redis.
BROKER_ENVIRONMENT = ("CELERY_BROKER_URL", "CELERY_BROKER_READ_URL", "CELERY_BROKER_WRITE_URL")


@pytest.fixture
def redis_broker(tmp_path, monkeypatch):
    """A broker of this test only; the test process's Celery app sends to it meanwhile."""
    if shutil.which("redis-server") is None:
        pytest.fail("redis-server is missing: `make test` installs Debian's redis-server.")
    broker = RedisBroker(tmp_path)
    broker.start()
    for name in BROKER_ENVIRONMENT:
        monkeypatch.delenv(name, raising=False)
    saved = (app.conf.broker_url, app.conf.broker_transport_options)
    drop_pooled_connections()
    app.conf.broker_url = broker.url
    app.conf.broker_transport_options = {"socket_connect_timeout": 1, "socket_timeout": 5}
    # What sending and /healthz really use; fails here, not in a 60 s wait, if it is not ours.
    assert (app.conf.broker_read_url, app.conf.broker_write_url) == (broker.url, broker.url)
    yield broker
    drop_pooled_connections()
    app.conf.broker_url, app.conf.broker_transport_options = saved
    broker.stop()


# Small limits, so a lost worker is noticed in seconds: the lease is 20 + 1 s.
FAST_LIMITS = {
    "PUBLISH_SOFT_TIME_LIMIT": "18",
    "PUBLISH_TIME_LIMIT": "20",
    "PUBLISH_LEASE_MARGIN": "1",
    "PUBLISH_SWEEP_SECONDS": "1",
    "PUBLISH_QUEUE_GRACE": "1",
}


class Processes:
    def __init__(self, broker: RedisBroker, tmp_path: Path, media: Path, monkeypatch) -> None:
        self.monkeypatch = monkeypatch
        self.broker = broker
        self.tmp_path = tmp_path
        self.media = media
        self.started: list[subprocess.Popen] = []
        self.limits = dict(FAST_LIMITS)

    def env(self) -> dict[str, str]:
        return {
            **os.environ,
            **self.limits,
            "DATABASE_URL": database_url(),
            "CELERY_BROKER_URL": self.broker.url,
            "MEDIA_ROOT": str(self.media),
            "AGENDUM_VAR_DIR": str(self.tmp_path / "var"),
            "DJANGO_SETTINGS_MODULE": "config.settings",
        }

    def _sync_limits(self) -> None:
        """The sender writes the task's time limits into the message, so the test process
        (which sends the click's message) must use the limits the workers are given."""
        from documents.tasks import publish_document

        task = publish_document._get_current_object()
        self.monkeypatch.setattr(
            task, "soft_time_limit", int(self.limits["PUBLISH_SOFT_TIME_LIMIT"])
        )
        self.monkeypatch.setattr(task, "time_limit", int(self.limits["PUBLISH_TIME_LIMIT"]))
        # Celery caches the options it sends with the first message of a task.
        self.monkeypatch.setattr(task, "_exec_options", None)

    def _start(self, args: list[str], name: str) -> subprocess.Popen:
        self._sync_limits()
        log = open(self.tmp_path / f"{name}-{len(self.started)}.log", "w")  # noqa: SIM115
        process = subprocess.Popen(
            [CELERY, "-A", "config", *args],
            cwd=ROOT,
            env=self.env(),
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: kill -9 takes its children too
        )
        self.started.append(process)
        return process

    def worker(self, name: str = "worker") -> subprocess.Popen:
        return self._start(
            [
                "worker",
                "--pool=prefork",
                "--concurrency=1",
                "--loglevel=INFO",
                f"--hostname={name}-{len(self.started)}@%h",
                "--without-gossip",
                "--without-mingle",
            ],
            name,
        )

    def beat(self) -> subprocess.Popen:
        return self._start(
            ["beat", "--loglevel=INFO", "-s", str(self.tmp_path / "beat-schedule")], "beat"
        )

    @staticmethod
    def kill(process: subprocess.Popen) -> None:
        """kill -9 the worker and its pool children, as the kernel's OOM killer or an
        operator would."""
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(10)

    @staticmethod
    def kill_pid(pid: int) -> None:
        os.kill(pid, signal.SIGKILL)

    @staticmethod
    def children(process: subprocess.Popen) -> list[int]:
        out = subprocess.run(
            ["pgrep", "-P", str(process.pid)], capture_output=True, text=True, check=False
        ).stdout
        return [int(pid) for pid in out.split()]

    def logs(self) -> str:
        return "\n".join(
            f"--- {path.name}\n{path.read_text()[-3000:]}"
            for path in sorted(self.tmp_path.glob("*.log"))
        )

    def stop_all(self) -> None:
        for process in self.started:
            if process.poll() is None:
                try:
                    os.killpg(process.pid, signal.SIGTERM)
                    process.wait(10)
                except (ProcessLookupError, subprocess.TimeoutExpired):
                    os.killpg(process.pid, signal.SIGKILL)
                    process.wait(10)


@pytest.fixture
def processes(redis_broker, tmp_path, pdf_media, transactional_db, monkeypatch):
    running = Processes(redis_broker, tmp_path, pdf_media, monkeypatch)
    yield running
    running.stop_all()
