from pathlib import Path

import pytest

from config.env import ImproperlyConfiguredEnv, env_bool, parse_database_url

BASE = Path("/srv/agendum")


def test_sqlite_url_relative_to_project():
    db = parse_database_url("sqlite:///var/db.sqlite3", base_dir=BASE)
    assert db["ENGINE"] == "django.db.backends.sqlite3"
    assert db["NAME"] == "/srv/agendum/var/db.sqlite3"


def test_sqlite_url_absolute_path():
    assert parse_database_url("sqlite:////tmp/x.db", base_dir=BASE)["NAME"] == "/tmp/x.db"


def test_postgres_url_uses_psycopg_pool():
    db = parse_database_url("postgres://app:s%40cret@db.example:6543/agendum", base_dir=BASE)
    assert db["ENGINE"] == "django.db.backends.postgresql"
    assert (db["NAME"], db["USER"], db["PASSWORD"], db["HOST"], db["PORT"]) == (
        "agendum",
        "app",
        "s@cret",
        "db.example",
        "6543",
    )
    assert db["OPTIONS"]["pool"]
    assert db["CONN_MAX_AGE"] == 0


def test_unknown_database_scheme_is_a_sentence():
    with pytest.raises(ImproperlyConfiguredEnv, match="not supported"):
        parse_database_url("mysql://root@localhost/x", base_dir=BASE)


def test_postgres_url_without_database_name_is_refused():
    with pytest.raises(ImproperlyConfiguredEnv, match="database name"):
        parse_database_url("postgres://root@localhost", base_dir=BASE)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("1", True), ("true", True), ("Yes", True), ("0", False), ("off", False), ("", False)],
)
def test_env_bool(monkeypatch, raw, expected):
    monkeypatch.setenv("FLAG", raw)
    assert env_bool("FLAG", False) is expected


def test_env_bool_rejects_nonsense(monkeypatch):
    monkeypatch.setenv("FLAG", "maybe")
    with pytest.raises(ImproperlyConfiguredEnv, match="FLAG must be true or false"):
        env_bool("FLAG")


def test_check_deploy_passes_with_production_values(tmp_path):
    """`manage.py check --deploy` reports nothing when production values are given."""
    import os
    import subprocess
    import sys

    env = {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": "x" * 20 + "-production-key-with-enough-entropy-0123456789",
        "ALLOWED_HOSTS": "agendum.example.org",
        "SECURE_COOKIES": "1",
        "SECURE_SSL_REDIRECT": "1",
        "SECURE_HSTS_SECONDS": "31536000",
        "SITE_URL": "https://agendum.example.org",
        "AGENDUM_VAR_DIR": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "config.settings",
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set by the test run for Playwright only
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        capture_output=True,
        text=True,
        env=env,
        cwd=Path(__file__).resolve().parents[2],
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_check_deploy_warns_about_debug_defaults(tmp_path):
    import os
    import subprocess
    import sys

    env = {
        **os.environ,
        "DEBUG": "1",
        "AGENDUM_VAR_DIR": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "config.settings",
    }
    env.pop("SECRET_KEY", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        capture_output=True,
        text=True,
        env=env,
        cwd=Path(__file__).resolve().parents[2],
        check=False,
    )
    assert result.returncode != 0
    assert "DEBUG" in result.stderr + result.stdout


def _manage(*args: str, var_dir: Path):
    import os
    import subprocess
    import sys

    env = {
        **os.environ,
        "AGENDUM_VAR_DIR": str(var_dir),
        "DJANGO_SETTINGS_MODULE": "config.settings",
    }
    env.pop("SECRET_KEY", None)
    env.pop("CELERY_BROKER_URL", None)
    return subprocess.run(
        [sys.executable, *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=Path(__file__).resolve().parents[2],
        check=False,
    )


def test_importing_settings_writes_nothing(tmp_path):
    var_dir = tmp_path / "var"
    result = _manage("-c", "import config.settings", var_dir=var_dir)
    assert result.returncode == 0, result.stderr
    assert not var_dir.exists()


def test_prepare_var_makes_folders_and_a_private_secret_key(tmp_path):
    var_dir = tmp_path / "var"
    result = _manage("manage.py", "prepare_var", var_dir=var_dir)
    assert result.returncode == 0, result.stderr
    key_file = var_dir / "secret_key"
    assert len(key_file.read_text()) >= 50
    assert key_file.stat().st_mode & 0o077 == 0
    assert sorted(p.name for p in (var_dir / "broker").iterdir()) == [
        "control",
        "processed",
        "queue",
    ]
    assert (var_dir / "media").is_dir()
    # Run again: the key stays (sessions survive a restart).
    first = key_file.read_text()
    assert _manage("manage.py", "prepare_var", var_dir=var_dir).returncode == 0
    assert key_file.read_text() == first
