"""System checks for a misconfigured token setup and for insecure production settings."""
import re

from django.apps import apps
from django.conf import settings
from django.core.checks import Error, Tags, Warning, register
from django.urls import NoReverseMatch, reverse
from rest_framework.throttling import SimpleRateThrottle

from ..settings import DEFAULTS, api_settings

MIN_SIGNING_KEY_LENGTH = 32
ALLOWED_ALGORITHMS = ("HS256", "HS384", "HS512")
DEV_KEY_PREFIX = "dev-only-"


@register(Tags.security)
def check_signing_key(app_configs, **kwargs):
    key = api_settings.SIGNING_KEY
    if not key:
        return [Error("LOGOUT_LENS['SIGNING_KEY'] is not set.", id="logout_lens.E001")]
    errors = []
    if key == settings.SECRET_KEY:
        errors.append(
            Error(
                "LOGOUT_LENS['SIGNING_KEY'] must not be Django's SECRET_KEY.",
                hint="Give access tokens their own secret (env LL_SIGNING_KEY).",
                id="logout_lens.E002",
            )
        )
    if len(key) < MIN_SIGNING_KEY_LENGTH:
        errors.append(
            Warning(
                f"LOGOUT_LENS['SIGNING_KEY'] is shorter than {MIN_SIGNING_KEY_LENGTH} characters.",
                id="logout_lens.W001",
            )
        )
    if api_settings.ALGORITHM not in ALLOWED_ALGORITHMS:
        errors.append(
            Error(
                f"LOGOUT_LENS['ALGORITHM'] must be one of {', '.join(ALLOWED_ALGORITHMS)}.",
                id="logout_lens.E003",
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
            id="logout_lens.E004",
        )
    ]


@register(Tags.security, deploy=True)
def check_production_secrets(app_configs, **kwargs):
    if str(api_settings.SIGNING_KEY or "").startswith(DEV_KEY_PREFIX):
        return [
            Warning(
                "LOGOUT_LENS['SIGNING_KEY'] is the development default.",
                hint="Set LL_SIGNING_KEY to a long random secret in production.",
                id="logout_lens.W002",
            )
        ]
    return []


@register(Tags.security, deploy=True)
def check_refresh_cookie_secure(app_configs, **kwargs):
    """In production the refresh cookie travels over HTTPS only (as SESSION_COOKIE_SECURE)."""
    if api_settings.REFRESH_COOKIE_SECURE:
        return []
    return [
        Warning(
            "The refresh cookie is not Secure: LOGOUT_LENS['REFRESH_COOKIE_SECURE'] is off "
            "(its default follows DEBUG).",
            hint="Turn DEBUG off, or set REFRESH_COOKIE_SECURE to True.",
            id="logout_lens.W003",
        )
    ]


# The endpoints that read the refresh cookie, by URL name (audit/ may be left out of a project).
COOKIE_ENDPOINTS = (
    "logout_lens_sessions:refresh",
    "logout_lens_sessions:logout",
    "logout_lens_audit:logout-event",
)


def cookie_path_matches(cookie_path, path):
    """Whether a browser sends a cookie with `cookie_path` to `path` (RFC 6265, 5.1.4)."""
    if path == cookie_path:
        return True
    return path.startswith(cookie_path) and (cookie_path.endswith("/") or path[len(cookie_path)] == "/")


@register(Tags.urls)
def check_refresh_cookie_path(app_configs, **kwargs):
    """REFRESH_COOKIE_PATH covers the endpoints where the project included logout_lens.urls."""
    cookie_path = api_settings.REFRESH_COOKIE_PATH
    missed = []
    for name in COOKIE_ENDPOINTS:
        try:
            url = reverse(name)
        except NoReverseMatch:
            continue
        if not cookie_path_matches(cookie_path, url):
            missed.append(url)
    if not missed:
        return []
    prefix = missed[0].rsplit("/", 2)[0] + "/"
    # A warning, not an error: a proxy that rewrites paths makes the path browsers see differ
    # from Django's, and such a project silences this check.
    return [
        Warning(
            f"LOGOUT_LENS['REFRESH_COOKIE_PATH'] is {cookie_path!r}, so browsers never send the "
            f"refresh cookie to {', '.join(missed)}: every session would end with its first "
            "access token.",
            hint=f"Set LOGOUT_LENS['REFRESH_COOKIE_PATH'] to {prefix!r}, the prefix "
            "logout_lens.urls is included under (or to the path browsers see, when a proxy "
            "rewrites it).",
            id="logout_lens.W004",
        )
    ]


@register()
def check_unknown_settings(app_configs, **kwargs):
    """A LOGOUT_LENS key this version does not know (a typo, a removed key) is an error."""
    unknown = sorted(set(getattr(settings, "LOGOUT_LENS", None) or {}) - set(DEFAULTS))
    if not unknown:
        return []
    return [
        Error(
            "LOGOUT_LENS has keys Logout Lens does not know: " + ", ".join(unknown) + ".",
            hint="logout_lens/settings.py lists every key; check the spelling.",
            id="logout_lens.E005",
        )
    ]


APP_LOGOUT_TYPE = re.compile(r"^[A-Z][A-Z0-9_]{2,31}\Z")


@register()
def check_app_logout_types(app_configs, **kwargs):
    """APP_LOGOUT_TYPES: well-formed names, none of them a built-in type."""
    from ..audit.models import LogoutType

    types = api_settings.APP_LOGOUT_TYPES
    if isinstance(types, str) or not all(isinstance(t, str) for t in types):
        bad = [repr(types)]
    else:
        bad = [repr(t) for t in types if not APP_LOGOUT_TYPE.match(t) or t in LogoutType.values]
    if not bad:
        return []
    return [
        Error(
            "LOGOUT_LENS['APP_LOGOUT_TYPES'] has names that are not app logout types: " + ", ".join(bad) + ".",
            hint='A list of names such as "LICENSE_EXPIRED": A-Z, 0-9 and "_", 3 to 32 characters, '
            "none of them a built-in type.",
            id="logout_lens.E006",
        )
    ]
