"""
The example project's start-up checks for production (LL_ENV=production).

Logout Lens's own checks (logout_lens.E001-E005, W001-W004) live in the package and hold in any
project; these speak of this project's environment variables, its demo endpoints and its test
hooks, so they are the example's.
"""
from django.apps import apps
from django.conf import settings
from django.core.checks import Error, Tags, register

from logout_lens.sessions.checks import DEV_KEY_PREFIX, MIN_SIGNING_KEY_LENGTH
from logout_lens.settings import api_settings

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


LOOPBACK_HOSTS = {"127.0.0.1", "localhost", "[::1]", "::1"}


def _loopback_only():
    """
    Whether the server answers loopback host names only (DJANGO_ALLOWED_HOSTS): a local benchmark,
    never a deployment, which has to list the name its users reach it by.
    """
    hosts = {str(host).strip().lower() for host in settings.ALLOWED_HOSTS}
    return bool(hosts) and hosts <= LOOPBACK_HOSTS


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
                id="example.E001",
            )
        )
    if not api_settings.REFRESH_COOKIE_SECURE:
        errors.append(
            Error(
                "The refresh cookie is not Secure (LL_REFRESH_COOKIE_SECURE, "
                "LOGOUT_LENS['REFRESH_COOKIE_SECURE']).",
                hint="Unset LL_REFRESH_COOKIE_SECURE or set LL_REFRESH_COOKIE_SECURE=1.",
                id="example.E002",
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
                id="example.E003",
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
                id="example.E004",
            )
        )
    if getattr(settings, "LL_DEMO_ENDPOINTS", False):
        errors.append(
            Error(
                "The demo endpoints (/v1/demo/) are enabled in production (LL_DEMO_ENDPOINTS).",
                hint="Set LL_DEMO_ENDPOINTS=0.",
                id="example.E005",
            )
        )
    if apps.is_installed("testhooks"):
        errors.append(
            Error(
                "The end-to-end test hooks (/v1/test/) are installed in production (LL_TEST_HOOKS).",
                hint="Unset LL_TEST_HOOKS.",
                id="example.E006",
            )
        )
    if getattr(settings, "LL_BENCH_SIMPLEJWT", False) and not _loopback_only():
        errors.append(
            Error(
                "The benchmark's stock simplejwt endpoints (/v1/bench/simplejwt/) are mounted in "
                "production (LL_BENCH_SIMPLEJWT): their sign-in has none of Logout Lens's rate "
                "limits or session policy.",
                hint="Unset LL_BENCH_SIMPLEJWT (it is for bench/backend.mjs, whose server answers "
                "only loopback host names in DJANGO_ALLOWED_HOSTS).",
                id="example.E008",
            )
        )
    secret = str(settings.SECRET_KEY or "")
    if not secret or secret.startswith(DEV_SECRET_KEY_PREFIX) or len(secret) < MIN_SIGNING_KEY_LENGTH:
        errors.append(
            Error(
                "Django's SECRET_KEY (DJANGO_SECRET_KEY) is missing, short or the development default.",
                hint="Set DJANGO_SECRET_KEY to a long random secret.",
                id="example.E007",
            )
        )
    return errors
