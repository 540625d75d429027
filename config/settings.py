"""Agendum settings: one module, every deployment choice read from the environment.

Embedded default (nothing to install): SQLite in var/, Celery through kombu's filesystem
transport in var/broker/. Real deployments set DATABASE_URL (postgres://) and
CELERY_BROKER_URL (redis:// or amqp://).
"""

from __future__ import annotations

import secrets
from pathlib import Path

from config.env import env_bool, env_int, env_list, env_str, parse_database_url

BASE_DIR = Path(__file__).resolve().parent.parent
# Importing settings writes nothing: var/ (the SQLite file, media, the broker folders) and
# the secret key file are made by `manage.py prepare_var`, which `make run` and `make test`
# run first.
VAR_DIR = Path(env_str("AGENDUM_VAR_DIR", str(BASE_DIR / "var")))

DEBUG = env_bool("DEBUG", False)

# Embedded run: a random key kept in var/ so sessions survive restarts and are shared by the
# web processes. A real deployment sets SECRET_KEY (check --deploy insists on a strong one),
# and then there is no file.
SECRET_KEY_FILE: Path | None = None if env_str("SECRET_KEY") else VAR_DIR / "secret_key"


def _secret_key() -> str:
    if SECRET_KEY_FILE is None:
        return env_str("SECRET_KEY")
    try:
        return SECRET_KEY_FILE.read_text().strip()
    except FileNotFoundError:
        # Not prepared (a one-off `manage.py check`, a benchmark): a key for this process
        # only. Sessions then do not outlive it, which is why the run command prepares var/.
        return secrets.token_urlsafe(50)


SECRET_KEY = _secret_key()
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_htmx",
    "rules.apps.AutodiscoverRulesConfig",
    "meetings",
    "documents",
    "agendas",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Below WhiteNoise, which sends static files compressed already and answers before this
    # runs; above everything that writes the body, so every HTML page goes out compressed to
    # browsers that accept gzip (config.middleware: HTML only). Safe against BREACH: Django
    # pads the gzip output with random bytes (4.2+), the CSRF token is masked anew in every
    # response, and no other secret is reflected beside text from the request. The visitors'
    # agenda page comes gzipped from the cache (Content-Encoding set): left as it is; so does
    # a member's kept agenda page (agendas.caching.reader_page), padded the same way, whose
    # token is masked anew whenever it is made and which reflects nothing from the request.
    "config.middleware.HtmlGZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # The reader's language: their saved choice, the switcher's cookie, then Accept-Language.
    "config.languages.LanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "config.middleware.LoginRedirectMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "config.context_processors.roles",
            ],
        },
    },
]

DATABASES = {
    "default": parse_database_url(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'agendum.sqlite3'}"), base_dir=BASE_DIR
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    # Django's ModelBackend, reading the signed-in user from a shared cache (config.readers).
    "config.readers.ReaderBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "meetings:body_list"
LOGOUT_REDIRECT_URL = "meetings:body_list"

# The six languages of the Union, by their names in themselves (the switcher shows them so).
# English is the fallback: a reader with no saved choice and no language their browser asks for
# reads English, with the British formats of the Union's English texts (config/formats/en).
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("ar", "العربية"),
    ("zh-hans", "中文"),
    ("en", "English"),
    ("fr", "Français"),
    ("ru", "Русский"),
    ("es", "Español"),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["config.formats"]
LANGUAGE_COOKIE_SAMESITE = "Lax"
TIME_ZONE = env_str("TIME_ZONE", "Europe/Zurich")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(VAR_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": env_str(
            "STATICFILES_STORAGE",
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage",
        )
    },
}
# Uploaded document files: refuse anything larger with a sentence, not a 500.
MAX_UPLOAD_BYTES = env_int("MAX_UPLOAD_BYTES", 20 * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# Cache: issued agenda revisions never change, so their rendered HTML is kept here. Memory of
# each process by default; CACHE_URL=redis://host:6379/1 shares it between web processes.
CACHE_URL = env_str("CACHE_URL", "")
if CACHE_URL.startswith(("redis://", "rediss://", "unix://")):
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CACHE_URL}
    }
    # A shared cache also keeps the sessions (Django's cached_db: read from the cache, written
    # through to the database), and the signed-in user and their roles (config.readers): a
    # member's warm request asks the database nothing. Not with the per-process memory cache,
    # where a logout seen by one process would not reach the others.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "agendum",
        }
    }

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Security: the production values come on when DEBUG is off.
SESSION_COOKIE_HTTPONLY = True
# The embedded run serves plain http on loopback, where secure cookies would lock everyone
# out; a deployment behind TLS sets SECURE_COOKIES=1 (check --deploy asks for it).
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", False)
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", False)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_HSTS_SECONDS > 0
SECURE_HSTS_PRELOAD = SECURE_HSTS_SECONDS > 0
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("BEHIND_TLS_PROXY", False) else None
)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Celery. The default broker needs no server: kombu's filesystem transport in var/broker.
CELERY_BROKER_URL = env_str("CELERY_BROKER_URL", "filesystem://")
BROKER_DIR = VAR_DIR / "broker"
if CELERY_BROKER_URL.startswith("filesystem://"):
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(BROKER_DIR / "queue"),
        "data_folder_out": str(BROKER_DIR / "queue"),
        "processed_folder": str(BROKER_DIR / "processed"),
        "control_folder": str(BROKER_DIR / "control"),
        "store_processed": False,
        "polling_interval": 0.1,
    }
else:
    CELERY_BROKER_TRANSPORT_OPTIONS = {}
CELERY_TASK_ALWAYS_EAGER = False
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_RESULT_BACKEND = None
CELERY_TASK_IGNORE_RESULT = True
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True

EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "agendum@localhost")
# The site's address as people reach it (https://agendum.example.org), for the links of mails
# sent by workers, which have no request to read it from. Unset, a link takes the address of
# the request that caused the mail (the embedded run); `check --deploy` requires it when DEBUG
# is off (agendas/proposals/checks.py).
SITE_URL = env_str("SITE_URL", "").strip().rstrip("/")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {"fontTools": {"level": "WARNING"}, "weasyprint": {"level": "ERROR"}},
}
CSRF_FAILURE_VIEW = "config.errors.csrf_failure"

# JSON API (config/api.py): Django REST framework, OpenAPI 3 by drf-spectacular.
INSTALLED_APPS += ["rest_framework", "drf_spectacular", "drf_spectacular_sidecar"]
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "config.api.BearerTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_PAGINATION_CLASS": "config.api.CursorPagination",
    "PAGE_SIZE": 25,
    "DEFAULT_THROTTLE_CLASSES": ["config.api.TokenRateThrottle", "config.api.AnonRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {
        "token": env_str("API_RATE_PER_TOKEN", "2000/hour"),
        "anon": env_str("API_RATE_ANONYMOUS", "600/hour"),
    },
    "EXCEPTION_HANDLER": "config.api.problem_details_handler",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_RENDERER_CLASSES": [
        "rest_framework.renderers.JSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
    ],
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Agendum API",
    "DESCRIPTION": "Bodies, meetings, documents, agendas and agenda-item proposals. "
    "Authenticate with the session or a personal token: `Authorization: Bearer <token>`.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "ProposalStateEnum": "agendas.enums.ProposalState",
        "AgendaStateEnum": "agendas.enums.AgendaState",
        "PublicationStateEnum": "documents.enums.PublicationState",
    },
}

# --- Publication under faults: Celery queues, limits, the sweeper (issue 11) -------------
# Owned by the publication pipeline; kept in one block so the rest of the settings can move.
from kombu import Queue  # noqa: E402

# A render past the soft limit fails with a sentence; at the hard limit its worker child is
# killed and the message given back (task_reject_on_worker_lost), counted on the row.
PUBLISH_SOFT_TIME_LIMIT = env_int("PUBLISH_SOFT_TIME_LIMIT", 60)
PUBLISH_TIME_LIMIT = env_int("PUBLISH_TIME_LIMIT", 90)
# A claim older than the hard limit plus this margin (to store the PDF) has lost its worker.
PUBLISH_LEASE_MARGIN = env_int("PUBLISH_LEASE_MARGIN", 30)
# Interrupted renders (killed worker, hard limit) before the publication fails.
PUBLISH_MAX_ATTEMPTS = env_int("PUBLISH_MAX_ATTEMPTS", 3)
# The sweeper: how often it runs, how long a queued row may wait for its message first,
# and how many rows it hands over at most per run.
PUBLISH_SWEEP_SECONDS = env_int("PUBLISH_SWEEP_SECONDS", 30)
PUBLISH_QUEUE_GRACE = env_int("PUBLISH_QUEUE_GRACE", 30)
PUBLISH_SWEEP_BATCH = env_int("PUBLISH_SWEEP_BATCH", 200)

CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_TASK_DEFAULT_QUEUE = "celery"
# Renders and mails on queues of their own, so a slow render never delays a mail; a worker
# started without -Q consumes all three.
CELERY_TASK_QUEUES = (Queue("celery"), Queue("pdf"), Queue("mail"))
CELERY_TASK_ROUTES = {
    "documents.publish_document": {"queue": "pdf"},
    "agendas.*": {"queue": "mail"},
}
# A worker child is replaced after this much resident memory (KiB) or this many tasks, so
# one heavy render cannot keep its memory for the rest of the worker's life.
CELERY_WORKER_MAX_MEMORY_PER_CHILD = env_int("CELERY_WORKER_MAX_MEMORY_PER_CHILD", 512_000)
CELERY_WORKER_MAX_TASKS_PER_CHILD = env_int("CELERY_WORKER_MAX_TASKS_PER_CHILD", 200)
if CELERY_BROKER_URL.startswith(("redis://", "rediss://")):
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        # Longer than the hard limit (and the longest retry countdown), so Redis never hands a
        # running render to a second worker; a killed worker's render comes back sooner
        # through the sweeper's lease.
        "visibility_timeout": max(PUBLISH_TIME_LIMIT + PUBLISH_LEASE_MARGIN, 120) * 2,
        # A click must not hang on a broker that is away (the sweeper hands the row later).
        "socket_connect_timeout": 2,
        "socket_timeout": 10,
    }
CELERY_BROKER_CONNECTION_TIMEOUT = 2
CELERY_BEAT_SCHEDULE = {
    "sweep-publications": {
        "task": "documents.sweep_publications",
        "schedule": float(PUBLISH_SWEEP_SECONDS),
        # A sweep that waited longer than one period is replaced by the next one.
        "options": {"expires": float(PUBLISH_SWEEP_SECONDS)},
    }
}
CELERY_BEAT_SCHEDULE["sweep-notifications"] = {
    "task": "agendas.sweep_notifications",
    "schedule": float(PUBLISH_SWEEP_SECONDS),
    "options": {"expires": float(PUBLISH_SWEEP_SECONDS)},
}
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")

# --- Hostile input (issue 11) ------------------------------------------------------------
# After authentication and messages, so the refusal page is the site's own page.
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.contrib.messages.middleware.MessageMiddleware") + 1,
    "config.request_guards.NulByteMiddleware",
)
TEMPLATES[0]["OPTIONS"]["context_processors"].append("config.request_guards.form_limits")
LOGGING["filters"] = {"one_line_forbidden": {"()": "config.request_guards.OneLineForbidden"}}
LOGGING["handlers"]["console"]["filters"] = ["one_line_forbidden"]

# --- Mail (issue 11) -----------------------------------------------------------------------
# EMAIL_URL=smtp://user:password@host:587?tls=1 (or smtps://... for implicit TLS) sends
# through that server; without it mail goes to EMAIL_BACKEND (the console by default).
EMAIL_URL = env_str("EMAIL_URL", "")
if EMAIL_URL:
    from urllib.parse import parse_qs, unquote, urlsplit

    _mail = urlsplit(EMAIL_URL)
    _mail_options = {k: v[-1] for k, v in parse_qs(_mail.query).items()}
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = _mail.hostname or "localhost"
    EMAIL_PORT = _mail.port or (465 if _mail.scheme == "smtps" else 25)
    EMAIL_HOST_USER = unquote(_mail.username or "")
    EMAIL_HOST_PASSWORD = unquote(_mail.password or "")
    EMAIL_USE_SSL = _mail.scheme == "smtps"
    EMAIL_USE_TLS = not EMAIL_USE_SSL and _mail_options.get("tls") in {"1", "true", "yes"}
    # A mail server that hangs must not hold a worker for ever; the task retries.
    EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 20)

# --- Login throttling and Content-Security-Policy (issue 11) -------------------------------
import datetime as _dt  # noqa: E402

from csp.constants import NONE, SELF  # noqa: E402

INSTALLED_APPS += ["axes"]
# django-axes: after AXES_FAILURE_LIMIT wrong passwords for one username from one address,
# that pair is locked out for AXES_COOLOFF_TIME; the page says so and when to try again.
# Staff unlock early in the admin ("Access attempts": delete the rows) or with
# `manage.py axes_reset_username NAME`.
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", *AUTHENTICATION_BACKENDS]
MIDDLEWARE += ["axes.middleware.AxesMiddleware", "csp.middleware.CSPMiddleware"]
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = _dt.timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "config.request_guards.locked_out"
AXES_IPWARE_PROXY_COUNT = 1 if env_bool("BEHIND_TLS_PROXY", False) else 0
AXES_VERBOSE = False
# Every login would log two INFO lines; lockouts are logged as warnings.
LOGGING["loggers"]["axes"] = {"level": "WARNING"}

# django-csp: scripts only from our own static files (no inline script, no eval); inline
# style attributes stay allowed (Bootstrap's and htmx's indicator styles need them).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, "'unsafe-inline'"],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

# --- Object storage, structured logs, Sentry (issue 11) ------------------------------------
from config.logs import logging_config, sentry_init  # noqa: E402
from config.storage import parse_storage_url  # noqa: E402

# STORAGE_URL=s3://KEY:SECRET@BUCKET/PREFIX?endpoint=URL&region=NAME keeps uploads and PDFs
# in an S3-compatible store (config/storage.py); unset, under MEDIA_ROOT.
STORAGE_URL = env_str("STORAGE_URL", "")
STORAGES["default"] = parse_storage_url(STORAGE_URL)

# Every log line carries its request's id (X-Request-ID); LOG_FORMAT=json writes JSON lines.
MIDDLEWARE.insert(0, "config.logs.RequestIdMiddleware")
LOG_FORMAT = env_str("LOG_FORMAT", "plain").strip().lower()
logging_config(LOGGING, log_format=LOG_FORMAT)

# Unhandled errors of the web and the workers go to Sentry only when SENTRY_DSN is set.
SENTRY_DSN = env_str("SENTRY_DSN", "").strip()
if SENTRY_DSN:
    sentry_init(
        dsn=SENTRY_DSN,
        environment=env_str("SENTRY_ENVIRONMENT", ""),
        release=env_str("SENTRY_RELEASE", ""),
        traces_sample_rate=env_int("SENTRY_TRACES_PERCENT", 0) / 100,
    )
