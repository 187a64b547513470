import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

from django.conf import settings as django_settings

from logout_lens.sessions.checks import check_production_secrets, check_signing_key
from logout_lens.settings import api_settings

BACKEND = Path(__file__).resolve().parents[2]


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

    assert [m.id for m in check_signing_key(None)] == ["logout_lens.E002"]


def test_missing_or_short_key_and_bad_algorithm_are_reported(ll_settings):
    ll_settings(SIGNING_KEY="")
    assert [m.id for m in check_signing_key(None)] == ["logout_lens.E001"]

    ll_settings(SIGNING_KEY="short", ALGORITHM="none")
    assert [m.id for m in check_signing_key(None)] == ["logout_lens.W001", "logout_lens.E003"]


def test_development_key_is_flagged_for_deployment(ll_settings):
    ll_settings(SIGNING_KEY="dev-only-" + "k" * 40)
    assert [m.id for m in check_production_secrets(None)] == ["logout_lens.W002"]

    ll_settings(SIGNING_KEY="a-real-production-secret-" + "z" * 40)
    assert check_production_secrets(None) == []


def test_the_test_run_is_development_whatever_the_shell_exports():
    import config.settings as project

    # As loaded (pytest-django then switches DEBUG off for each test, as Django's runner does).
    assert project.LL_ENV == "development" and project.DEBUG is True
    assert django_settings.LL_ENV == "development"
    assert project.LL_DEMO_ENDPOINTS is True


def test_throttle_rates_have_documented_defaults_and_merge_per_scope(settings, ll_settings):
    settings.LOGOUT_LENS = {k: v for k, v in settings.LOGOUT_LENS.items() if k != "THROTTLE_RATES"}
    assert api_settings.THROTTLE_RATES == {
        "login": "100/min",
        "login_failures": "10/hour",
        "login_account_failures": "50/hour",
        "change_password": "10/hour",
        "logout_event": "60/min",
        "logout_event_user": "60/min",
    }

    ll_settings(THROTTLE_RATES={"login": "5/min"})

    assert api_settings.THROTTLE_RATES["login"] == "5/min"
    assert api_settings.THROTTLE_RATES["logout_event"] == "60/min"
    assert "DEFAULT_THROTTLE_RATES" not in django_settings.REST_FRAMEWORK


def test_rates_come_from_the_environment():
    code = (
        "import django; django.setup(); from django.conf import settings; "
        "print(sorted(settings.LOGOUT_LENS['THROTTLE_RATES'].items()))"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LL_", "DJANGO_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings", LL_ENV="development",
        LL_LOGIN_RATE="7/min", LL_LOGIN_ACCOUNT_FAILURE_RATE="9/hour",
    )

    result = subprocess.run([sys.executable, "-c", code], cwd=BACKEND, env=env, capture_output=True, text=True, timeout=60)

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[('login', '7/min'), ('login_account_failures', '9/hour')]"


def test_a_malformed_rate_is_a_system_check_error(ll_settings):
    from logout_lens.sessions.checks import check_throttle_rates

    ll_settings(THROTTLE_RATES={"login": "lots"})

    errors = [m for m in check_throttle_rates(None)]

    assert [m.id for m in errors] == ["logout_lens.E004"]
    assert "login" in errors[0].msg
