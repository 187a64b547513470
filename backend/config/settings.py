"""
Django settings of the Logout Lens example project: a Django project that installs the
`django-logout-lens` package (backend/src/logout_lens) as any team would, plus the demo
endpoints the Angular demo app calls and the end-to-end test hooks.

Everything that differs between a laptop and production comes from the environment;
backend/README.md lists every variable. LL_ENV chooses between development and production:
the entry points set its default (manage.py: development, config/wsgi.py: production; the
test run: development, see config/test_settings.py), and these settings alone mean
production. Development gets SQLite, the local-memory cache and DEBUG on.
"""
import os
from datetime import timedelta
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_flag(name, default):
    """Whether the environment variable `name` is set to a true value ("1", "true", "yes", "on")."""
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_seconds(name, default):
    """A lifetime given in whole seconds by the environment variable `name`."""
    value = os.environ.get(name)
    return timedelta(seconds=int(value)) if value else default


# "production" turns the checks in config/checks.py into start-up errors: the WSGI
# entry point (config/wsgi.py) and every manage.py command refuse insecure settings.
LL_ENV = os.environ.get("LL_ENV", "").strip().lower() or "production"
if LL_ENV not in ("development", "production"):
    raise ImproperlyConfigured(f"LL_ENV must be 'development' or 'production', not {LL_ENV!r}.")

DEBUG = env_flag("DJANGO_DEBUG", LL_ENV == "development")

# Worker processes serving this configuration (gunicorn reads WEB_CONCURRENCY as its default
# for -w). More than one needs a shared cache (REDIS_URL) for the rate limits to hold.
LL_WORKERS = int(os.environ.get("WEB_CONCURRENCY") or os.environ.get("LL_WORKERS") or "1")

SECRET_KEY = os.environ.get(
    "DJANGO_SECRET_KEY",
    "dev-only-django-secret-key-3f9c1a7e5b2d4c6a8e0f1b3d5c7a9e2f4b6d8c0a",
)

ALLOWED_HOSTS = [
    host.strip()
    for host in os.environ.get("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]").split(",")
    if host.strip()
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "logout_lens.sessions",
    "logout_lens.audit",
    # Logout Lens's views for a djangorestframework-simplejwt project, under /v1/simplejwt/token/.
    "logout_lens.contrib.simplejwt",
    "config.apps.ExampleProjectConfig",
    "demo",
]
if env_flag("LL_SCHEMA", DEBUG):
    # The OpenAPI schema at /v1/schema/ (drf-spectacular), in development.
    INSTALLED_APPS.append("drf_spectacular")

# End-to-end test hooks under /v1/test/ (shrink lifetimes, move the server clock).
# Development only: refused outright when DEBUG is off.
if env_flag("LL_TEST_HOOKS", False):
    if not DEBUG:
        raise ImproperlyConfigured("LL_TEST_HOOKS=1 is refused unless DJANGO_DEBUG=1.")
    INSTALLED_APPS.append("testhooks")

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "config.security.ContentSecurityPolicyMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
]
if "testhooks" in INSTALLED_APPS:
    MIDDLEWARE.insert(0, "testhooks.middleware.ServerClockDateMiddleware")

# Response headers on every answer: SecurityMiddleware (nosniff, Referrer-Policy),
# XFrameOptionsMiddleware and config/security.py (Content-Security-Policy).
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

if LL_ENV == "production":
    # Behind nginx (deploy/nginx.conf.example), which terminates TLS and always sets
    # X-Forwarded-Proto itself (proxy_set_header X-Forwarded-Proto $scheme).
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    # The admin's session and CSRF cookies travel over HTTPS only.
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    # HSTS on Django's answers (/v1/, /admin/) as nginx sends it for the app: one year.
    SECURE_HSTS_SECONDS = 31536000
    SILENCED_SYSTEM_CHECKS = [
        # nginx redirects http:// to https:// (its port-80 server); redirecting again here
        # would also answer a process manager's http://127.0.0.1:8000/v1/health/ with 301.
        "security.W008",
        # HSTS covers this host only, as nginx's header does: other hosts under the same
        # domain are not this deployment's to pin, nor to submit to the browsers' preload list.
        "security.W005",
        "security.W021",
    ]

ROOT_URLCONF = "config.urls"

# The example's demo endpoints under /v1/demo/ (read when the URLconf loads).
LL_DEMO_ENDPOINTS = env_flag("LL_DEMO_ENDPOINTS", DEBUG)
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# SQLite as an embedded database that holds up: write-ahead logging with synchronous=NORMAL
# (a commit costs about 0.04 ms here, against 1.3 ms in the default rollback journal), and
# transactions that take the write lock when they begin, so concurrent writers (several
# gunicorn workers on one file) wait for each other, up to `timeout` seconds, instead of
# failing with "database is locked".
SQLITE_OPTIONS = {
    "transaction_mode": "IMMEDIATE",
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    "timeout": 20,
}

if os.environ.get("DATABASE_URL"):
    import dj_database_url

    DATABASES = {"default": dj_database_url.parse(os.environ["DATABASE_URL"], conn_max_age=60)}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": os.environ.get("LL_SQLITE_PATH") or str(BASE_DIR / "db.sqlite3"),
            "OPTIONS": SQLITE_OPTIONS,
        }
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "OPTIONS": {"CLIENT_CLASS": "django_redis.client.DefaultClient"},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTHENTICATION_BACKENDS = [
    "logout_lens.sessions.backends.EmailBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"

# Logout Lens's views declare their own parser, authentication, renderer and exception handling,
# so they behave the same in a project with DRF's defaults. These settings are the example's
# own API's (the demo endpoints), as a team would set them for theirs: Logout Lens's access
# tokens, and the same {detail, code} error bodies.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["logout_lens.sessions.authentication.AccessTokenAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["logout_lens.sessions.parsers.LimitedJSONParser"],
    "EXCEPTION_HANDLER": "logout_lens.sessions.handlers.json_exception_handler",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Logout Lens API",
    "DESCRIPTION": "Sign-in, refresh, sign-out, sessions and the sign-out audit trail.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    # Logout Lens's endpoints only (not the demo endpoints nor the test hooks), as committed
    # in backend/openapi.yaml.
    "PREPROCESSING_HOOKS": ["logout_lens.schema.logout_lens_endpoints_only"],
    # Request bodies get their own components (LoginRequest, ...): required and writable
    # fields differ between what a client sends and what it receives.
    "COMPONENT_SPLIT_REQUEST": True,
}

# Session policy and token settings; logout_lens/settings.py documents every key.
LOGOUT_LENS = {
    "ACCESS_TOKEN_LIFETIME": env_seconds("LL_ACCESS_TOKEN_LIFETIME", timedelta(hours=1)),
    "REFRESH_TOKEN_LIFETIME": env_seconds("LL_REFRESH_TOKEN_LIFETIME", timedelta(days=7)),
    "REFRESH_TOKEN_LIFETIME_REMEMBER_ME": env_seconds(
        "LL_REFRESH_TOKEN_LIFETIME_REMEMBER_ME", timedelta(days=20)
    ),
    "REFRESH_GRACE_SECONDS": int(os.environ.get("LL_REFRESH_GRACE_SECONDS", "30")),
    "SIGNING_KEY": os.environ.get(
        "LL_SIGNING_KEY",
        "dev-only-ll-signing-key-7Qm2vX9pL4tR8wZ1cK6nB3yH5jD0fG2sA7eU9iO4",
    ),
    "NUM_PROXIES": int(os.environ.get("LL_NUM_PROXIES", "0")),
    # The demo app's own reasons a session may end (withLogoutReasons() in src/app).
    "APP_LOGOUT_TYPES": ["LICENSE_EXPIRED", "TENANT_SWITCHED"],
}
# Rate limits set in the environment (scope -> variable); the scopes not set keep the
# defaults documented in logout_lens/settings.py (THROTTLE_RATES).
LOGOUT_LENS["THROTTLE_RATES"] = {
    scope: os.environ[variable]
    for scope, variable in {
        "login": "LL_LOGIN_RATE",
        "login_failures": "LL_LOGIN_FAILURE_RATE",
        "login_account_failures": "LL_LOGIN_ACCOUNT_FAILURE_RATE",
        "change_password": "LL_CHANGE_PASSWORD_RATE",
        "logout_event": "LL_LOGOUT_EVENT_RATE",
        "logout_event_user": "LL_LOGOUT_EVENT_USER_RATE",
    }.items()
    if os.environ.get(variable)
}
if os.environ.get("LL_REFRESH_COOKIE_SECURE"):
    LOGOUT_LENS["REFRESH_COOKIE_SECURE"] = env_flag("LL_REFRESH_COOKIE_SECURE", True)

# Benchmark only (bench/backend.mjs): stock djangorestframework-simplejwt, as a team would mount
# it (TokenObtainPairView, TokenRefreshView with rotation and the blacklist), under
# /v1/bench/simplejwt/ to be measured side by side with refresh/. Off by default. Its sign-in has
# none of Logout Lens's rate limits or session policy, so in production config/checks.py refuses
# it (example.E008) unless the server answers loopback host names only, as the benchmark's does.
# simplejwt, for logout_lens.contrib.simplejwt's access tokens: the same lifetime and key as
# Logout Lens's own (a team on simplejwt keeps its own SIMPLE_JWT; never Django's SECRET_KEY).
SIMPLE_JWT = {
    "ACCESS_TOKEN_LIFETIME": LOGOUT_LENS["ACCESS_TOKEN_LIFETIME"],
    "REFRESH_TOKEN_LIFETIME": LOGOUT_LENS["REFRESH_TOKEN_LIFETIME"],
    "SIGNING_KEY": LOGOUT_LENS["SIGNING_KEY"],
}
LL_BENCH_SIMPLEJWT = env_flag("LL_BENCH_SIMPLEJWT", False)
if LL_BENCH_SIMPLEJWT:
    INSTALLED_APPS.append("rest_framework_simplejwt.token_blacklist")
    SIMPLE_JWT.update({"ROTATE_REFRESH_TOKENS": True, "BLACKLIST_AFTER_ROTATION": True})

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "plain"},
    },
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        # Audit lines propagate to the root console handler (and to test log capture).
        "logoutlens.audit": {"level": "INFO"},
    },
}
