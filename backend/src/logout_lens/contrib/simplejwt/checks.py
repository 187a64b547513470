"""System checks for a simplejwt project that mounts Logout Lens's views."""
from django.apps import apps
from django.conf import settings
from django.core.checks import Error, Tags, Warning, register
from rest_framework_simplejwt import settings as simplejwt_settings

from ...settings import api_settings


@register()
def check_apps(app_configs, **kwargs):
    missing = [name for name in ("logout_lens.sessions", "logout_lens.audit") if not apps.is_installed(name)]
    if not missing:
        return []
    return [
        Error(
            f"logout_lens.contrib.simplejwt needs {' and '.join(missing)} in INSTALLED_APPS.",
            hint="Its sessions, refresh tokens and audit records live in those apps.",
            id="logout_lens_simplejwt.E001",
        )
    ]


@register(Tags.security)
def check_signing_key(app_configs, **kwargs):
    if simplejwt_settings.api_settings.SIGNING_KEY != settings.SECRET_KEY:
        return []
    return [
        Warning(
            "SIMPLE_JWT['SIGNING_KEY'] is Django's SECRET_KEY (simplejwt's default).",
            hint="Give access tokens their own secret: a leak of one then does not give away the other.",
            id="logout_lens_simplejwt.W001",
        )
    ]


@register()
def check_lifetimes(app_configs, **kwargs):
    access = simplejwt_settings.api_settings.ACCESS_TOKEN_LIFETIME
    shortest = min(api_settings.REFRESH_TOKEN_LIFETIME, api_settings.REFRESH_TOKEN_LIFETIME_REMEMBER_ME)
    if access < shortest:
        return []
    return [
        Warning(
            f"SIMPLE_JWT['ACCESS_TOKEN_LIFETIME'] ({access}) is not shorter than a session "
            f"({shortest}, LOGOUT_LENS['REFRESH_TOKEN_LIFETIME']).",
            hint="An access token would outlive the session it belongs to.",
            id="logout_lens_simplejwt.W002",
        )
    ]


@register()
def check_stock_settings(app_configs, **kwargs):
    """What goes wrong with simplejwt's own views, where a project still serves them."""
    stock = simplejwt_settings.api_settings
    found = []
    if (
        stock.ROTATE_REFRESH_TOKENS
        and stock.BLACKLIST_AFTER_ROTATION
        and not apps.is_installed("rest_framework_simplejwt.token_blacklist")
    ):
        found.append(
            Warning(
                "SIMPLE_JWT['BLACKLIST_AFTER_ROTATION'] is on, but rest_framework_simplejwt.token_blacklist is "
                "not in INSTALLED_APPS.",
                hint="simplejwt's own TokenRefreshView then skips the blacklist without a word: every rotated "
                "refresh token stays valid until its exp. Install the app, or stop serving that view.",
                id="logout_lens_simplejwt.W003",
            )
        )
    if stock.ACCESS_TOKEN_LIFETIME > stock.REFRESH_TOKEN_LIFETIME:
        found.append(
            Warning(
                f"SIMPLE_JWT['ACCESS_TOKEN_LIFETIME'] ({stock.ACCESS_TOKEN_LIFETIME}) is longer than "
                f"SIMPLE_JWT['REFRESH_TOKEN_LIFETIME'] ({stock.REFRESH_TOKEN_LIFETIME}).",
                hint="An access token from simplejwt's own views outlives the refresh token it came with, and "
                "a sign-out cannot stop it.",
                id="logout_lens_simplejwt.W005",
            )
        )
    return found
