"""System checks for a misconfigured token setup."""
from django.conf import settings
from django.core.checks import Error, Tags, Warning, register

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
