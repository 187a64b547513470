from datetime import timedelta

from django.conf import settings as django_settings

from authsessions.checks import check_production_secrets, check_signing_key
from authsessions.settings import api_settings


def test_documented_defaults():
    assert api_settings.ALGORITHM == "HS256"
    assert api_settings.ISSUER == "logout-lens"
    assert api_settings.REFRESH_COOKIE_NAME == "ll_refresh"
    assert api_settings.REFRESH_COOKIE_PATH == "/v1/auth/"
    assert api_settings.REFRESH_COOKIE_SAMESITE == "Strict"
    assert api_settings.CSRF_HEADER_NAME == "X-Requested-With"
    assert api_settings.CSRF_HEADER_VALUE == "XMLHttpRequest"
    assert api_settings.ACCESS_TOKEN_LIFETIME == timedelta(hours=1)
    assert api_settings.REFRESH_TOKEN_LIFETIME == timedelta(days=7)
    assert api_settings.REFRESH_TOKEN_LIFETIME_REMEMBER_ME == timedelta(days=20)
    assert api_settings.REFRESH_GRACE_SECONDS == 30


def test_settings_reload_when_changed(ll_settings):
    assert api_settings.ACCESS_TOKEN_LIFETIME == timedelta(hours=1)

    ll_settings(ACCESS_TOKEN_LIFETIME=5, ISSUER="other")

    assert api_settings.ACCESS_TOKEN_LIFETIME == timedelta(seconds=5)
    assert api_settings.ISSUER == "other"


def test_secure_cookie_follows_debug_by_default(settings):
    settings.DEBUG = True
    assert api_settings.REFRESH_COOKIE_SECURE is False
    settings.DEBUG = False
    assert api_settings.REFRESH_COOKIE_SECURE is True


def test_configured_signing_key_passes_the_checks():
    assert api_settings.SIGNING_KEY != django_settings.SECRET_KEY
    assert check_signing_key(None) == []


def test_signing_key_equal_to_secret_key_is_an_error(ll_settings):
    ll_settings(SIGNING_KEY=django_settings.SECRET_KEY)

    assert [m.id for m in check_signing_key(None)] == ["authsessions.E002"]


def test_missing_or_short_key_and_bad_algorithm_are_reported(ll_settings):
    ll_settings(SIGNING_KEY="")
    assert [m.id for m in check_signing_key(None)] == ["authsessions.E001"]

    ll_settings(SIGNING_KEY="short", ALGORITHM="none")
    assert [m.id for m in check_signing_key(None)] == ["authsessions.W001", "authsessions.E003"]


def test_development_key_is_flagged_for_deployment(ll_settings):
    ll_settings(SIGNING_KEY="dev-only-" + "k" * 40)
    assert [m.id for m in check_production_secrets(None)] == ["authsessions.W002"]

    ll_settings(SIGNING_KEY="a-real-production-secret-" + "z" * 40)
    assert check_production_secrets(None) == []
