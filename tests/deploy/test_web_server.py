"""The web server as serve.sh and the systemd unit start it: gunicorn with
config/gunicorn_settings.py, the app preloaded in the arbiter and forked into the workers."""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GUNICORN = Path(sys.executable).parent / "gunicorn"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _children(pid: int) -> list[str]:
    found = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True, check=False)
    return found.stdout.split()


def _get(url: str, language: str) -> str:
    request = urllib.request.Request(url, headers={"Accept-Language": language})
    with urllib.request.urlopen(request, timeout=5) as response:
        return response.read().decode()


def test_the_preloaded_workers_serve_pages_in_the_readers_language(tmp_path):
    port = _free_port()
    log = tmp_path / "gunicorn.log"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        # Its own empty database: the sign-in page reads none. Static files and the secret
        # key are the checkout's (`make test` collects the static files first).
        "DATABASE_URL": f"sqlite:///{tmp_path / 'web.sqlite3'}",
        "DEBUG": "0",
        "LOG_LEVEL": "WARNING",
    }
    server = subprocess.Popen(
        [
            str(GUNICORN),
            "config.wsgi",
            "--config",
            "config/gunicorn_settings.py",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
        ],
        cwd=ROOT,
        env=env,
        start_new_session=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                french = _get(f"http://127.0.0.1:{port}/accounts/login/", "fr")
                break
            except urllib.error.HTTPError as error:
                raise AssertionError(f"HTTP {error.code}: {log.read_text()[-3000:]}") from error
            except OSError:
                assert server.poll() is None, log.read_text()[-3000:]
                assert time.monotonic() < deadline, "gunicorn did not answer within 30 s"
                time.sleep(0.3)
        russian = _get(f"http://127.0.0.1:{port}/accounts/login/", "ru")
        assert 'lang="fr"' in french
        assert "Connexion" in french or "connecter" in french
        assert 'lang="ru"' in russian
        # The arbiter forks its workers one after the other: the first may answer before the
        # second is up.
        while len(_children(server.pid)) < 2 and time.monotonic() < deadline:
            time.sleep(0.2)
        assert len(_children(server.pid)) == 2, log.read_text()[-3000:]
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=15)
