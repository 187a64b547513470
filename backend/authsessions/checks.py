"""System checks for a misconfigured token setup and for insecure production settings."""
from django.apps import apps
from django.conf import settings
from django.core.checks import Error, Tags, Warning, register
from rest_framework.throttling import SimpleRateThrottle

from .settings import api_settings

MIN_SIGNING_KEY_LENGTH = 32
ALLOWED_ALGORITHMS = ("HS256", "HS384", "HS512")
DEV_KEY_PREFIX = "dev-only-"


@register(Tags.security)
def check_signing_key(app_configs, **kwargs):
    key = api_settings.SIGNING_KEY
    if not key:
        return [Error("LOGOUT_LENS['SIGNING_KEY'] is not set.", id="authsessions.E001")]
    errors = []
    if key == settings.SECRET_KEY:
        errors.append(
            Error(
                "LOGOUT_LENS['SIGNING_KEY'] must not be Django's SECRET_KEY.",
                hint="Give access tokens their own secret (env LL_SIGNING_KEY).",
                id="authsessions.E002",
            )
        )
    if len(key) < MIN_SIGNING_KEY_LENGTH:
        errors.append(
            Warning(
                f"LOGOUT_LENS['SIGNING_KEY'] is shorter than {MIN_SIGNING_KEY_LENGTH} characters.",
                id="authsessions.W001",
            )
        )
    if api_settings.ALGORITHM not in ALLOWED_ALGORITHMS:
        errors.append(
            Error(
                f"LOGOUT_LENS['ALGORITHM'] must be one of {', '.join(ALLOWED_ALGORITHMS)}.",
                id="authsessions.E003",
            )
        )
    return errors


@register()
def check_throttle_rates(app_configs, **kwargs):
    """Every LOGOUT_LENS["THROTTLE_RATES"] value is None or a rate DRF can read ("10/hour")."""
    rates = api_settings.THROTTLE_RATES
    # DRF's own reading of a rate, on an instance that needs no rate of its own.
    parse = SimpleRateThrottle.__new__(SimpleRateThrottle).parse_rate
    bad = []
    for scope, rate in sorted(rates.items()):
        try:
            if rate is not None and parse(rate)[0] < 0:
                raise ValueError(rate)
        except (AttributeError, IndexError, KeyError, TypeError, ValueError):
            bad.append(f"{scope}={rate!r}")
    if not bad:
        return []
    return [
        Error(
            "LOGOUT_LENS['THROTTLE_RATES'] has rates that cannot be read: " + ", ".join(bad) + ".",
            hint='Give each scope "<number>/<s|min|hour|day>" or None to switch it off.',
            id="authsessions.E004",
        )
    ]


@register(Tags.security, deploy=True)
def check_production_secrets(app_configs, **kwargs):
    if str(api_settings.SIGNING_KEY or "").startswith(DEV_KEY_PREFIX):
        return [
            Warning(
                "LOGOUT_LENS['SIGNING_KEY'] is the development default.",
                hint="Set LL_SIGNING_KEY to a long random secret in production.",
                id="authsessions.W002",
            )
        ]
    return []


# Production start-up checks. With LL_ENV=production each problem below is an Error, so
# `manage.py check`, every other management command and the WSGI start (config/wsgi.py)
# refuse to run. Each message names the environment variable that fixes it.

DEV_SECRET_KEY_PREFIX = "dev-only-"
LOCAL_CACHE_BACKENDS = (
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
)


def is_production():
    return str(getattr(settings, "LL_ENV", "")).lower() == "production"


def _workers():
    try:
        return int(getattr(settings, "LL_WORKERS", 1) or 1)
    except (TypeError, ValueError):
        return 1


def _signing_key_problems():
    key = str(api_settings.SIGNING_KEY or "")
    problems = []
    if key == settings.SECRET_KEY:
        problems.append("is equal to Django's SECRET_KEY")
    if len(key) < MIN_SIGNING_KEY_LENGTH:
        problems.append(f"is shorter than {MIN_SIGNING_KEY_LENGTH} characters")
    if key.startswith(DEV_KEY_PREFIX):
        problems.append("is the development default")
    return problems


@register(Tags.security)
def check_production_settings(app_configs, **kwargs):
    """In production (LL_ENV=production): every insecure setting is an Error."""
    if not is_production():
        return []
    errors = []
    if settings.DEBUG:
        errors.append(
            Error(
                "DEBUG is on in production (DJANGO_DEBUG).",
                hint="Set DJANGO_DEBUG=0.",
                id="logoutlens.E001",
            )
        )
    if not api_settings.REFRESH_COOKIE_SECURE:
        errors.append(
            Error(
                "The refresh cookie is not Secure (LL_REFRESH_COOKIE_SECURE, "
                "LOGOUT_LENS['REFRESH_COOKIE_SECURE']).",
                hint="Unset LL_REFRESH_COOKIE_SECURE or set LL_REFRESH_COOKIE_SECURE=1.",
                id="logoutlens.E002",
            )
        )
    problems = _signing_key_problems()
    if problems:
        errors.append(
            Error(
                "The access-token signing key (LL_SIGNING_KEY, LOGOUT_LENS['SIGNING_KEY']) "
                + " and ".join(problems)
                + ".",
                hint=f"Set LL_SIGNING_KEY to its own random secret of at least "
                f"{MIN_SIGNING_KEY_LENGTH} characters.",
                id="logoutlens.E003",
            )
        )
    backend = settings.CACHES.get("default", {}).get("BACKEND", "")
    workers = _workers()
    if workers > 1 and backend in LOCAL_CACHE_BACKENDS:
        errors.append(
            Error(
                f"{workers} workers are configured (WEB_CONCURRENCY / LL_WORKERS) but the cache "
                "is per process (REDIS_URL unset), so every worker counts rate limits on its own.",
                hint="Set REDIS_URL to a shared Redis.",
                id="logoutlens.E004",
            )
        )
    if api_settings.DEMO_ENDPOINTS:
        errors.append(
            Error(
                "The demo endpoints (/v1/demo/) are enabled in production (LL_DEMO_ENDPOINTS).",
                hint="Set LL_DEMO_ENDPOINTS=0.",
                id="logoutlens.E005",
            )
        )
    if apps.is_installed("testhooks"):
        errors.append(
            Error(
                "The end-to-end test hooks (/v1/test/) are installed in production (LL_TEST_HOOKS).",
                hint="Unset LL_TEST_HOOKS.",
                id="logoutlens.E006",
            )
        )
    secret = str(settings.SECRET_KEY or "")
    if not secret or secret.startswith(DEV_SECRET_KEY_PREFIX) or len(secret) < MIN_SIGNING_KEY_LENGTH:
        errors.append(
            Error(
                "Django's SECRET_KEY (DJANGO_SECRET_KEY) is missing, short or the development default.",
                hint="Set DJANGO_SECRET_KEY to a long random secret.",
                id="logoutlens.E007",
            )
        )
    return errors
