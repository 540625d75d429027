"""Settings of the test run (pyproject.toml names this module): the project's settings with
what only tests need changed, so no test changes settings at run time."""

from config.settings import *  # noqa: F403

# Hashing a password the production way costs ~0.3 s; tests log many people in.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# live_server serves static files from the finders by their plain names; the hashed names of
# the manifest storage exist only after collectstatic (which `make test` also runs, so a
# broken manifest still fails the build).
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
