"""With LL_ENV=production, insecure settings are system-check errors and stop the WSGI start."""
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import override_settings

from authsessions.checks import check_production_settings

BACKEND = Path(__file__).resolve().parents[2]
SECURE = dict(
    LL_ENV="production",
    DEBUG=False,
    SECRET_KEY="prod-django-secret-" + "s" * 40,
    LL_WORKERS=2,
)
SECURE_LL = {"SIGNING_KEY": "prod-signing-key-" + "k" * 40, "DEMO_ENDPOINTS": False}


@pytest.fixture
def production(settings, tmp_path):
    """A fully secure production configuration; tests then break one setting."""
    # Any cache shared between processes will do (Redis in a real deployment).
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache", "LOCATION": str(tmp_path)}
    }
    for name, value in SECURE.items():
        setattr(settings, name, value)
    settings.LOGOUT_LENS = {**settings.LOGOUT_LENS, **SECURE_LL}
    settings.LOGOUT_LENS.pop("REFRESH_COOKIE_SECURE", None)
    return settings


def errors():
    return [(m.id, m.msg + " " + (m.hint or "")) for m in check_production_settings(None)]


def test_a_secure_production_configuration_passes(production):
    assert errors() == []


def test_development_mode_reports_nothing(settings):
    settings.LL_ENV = "development"
    settings.DEBUG = True

    assert errors() == []


@pytest.mark.parametrize(
    "settings_change, ll_change, expected_id, names",
    [
        ({"DEBUG": True}, {"REFRESH_COOKIE_SECURE": True}, "logoutlens.E001", "DJANGO_DEBUG"),
        ({}, {"REFRESH_COOKIE_SECURE": False}, "logoutlens.E002", "LL_REFRESH_COOKIE_SECURE"),
        ({}, {"SIGNING_KEY": "short-but-unique"}, "logoutlens.E003", "LL_SIGNING_KEY"),
        ({}, {"SIGNING_KEY": "dev-only-" + "x" * 40}, "logoutlens.E003", "LL_SIGNING_KEY"),
        ({}, {"SIGNING_KEY": "prod-django-secret-" + "s" * 40}, "logoutlens.E003", "LL_SIGNING_KEY"),
        (
            {"CACHES": {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}},
            {},
            "logoutlens.E004",
            "REDIS_URL",
        ),
        ({}, {"DEMO_ENDPOINTS": True}, "logoutlens.E005", "LL_DEMO_ENDPOINTS"),
        ({"SECRET_KEY": "dev-only-" + "d" * 40}, {}, "logoutlens.E007", "DJANGO_SECRET_KEY"),
        ({"SECRET_KEY": "short"}, {}, "logoutlens.E007", "DJANGO_SECRET_KEY"),
    ],
)
def test_each_insecure_setting_is_an_error_naming_it(production, settings_change, ll_change, expected_id, names):
    for name, value in settings_change.items():
        setattr(production, name, value)
    production.LOGOUT_LENS = {**production.LOGOUT_LENS, **ll_change}

    found = errors()

    assert [i for i, _ in found] == [expected_id]
    assert names in found[0][1]


def test_signing_key_equal_to_secret_key_is_named(production):
    production.LOGOUT_LENS = {**production.LOGOUT_LENS, "SIGNING_KEY": production.SECRET_KEY}

    [(error_id, text)] = errors()

    assert error_id == "logoutlens.E003" and "SECRET_KEY" in text and "LL_SIGNING_KEY" in text


def test_one_worker_may_use_the_local_cache(production):
    production.LL_WORKERS = 1
    production.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

    assert errors() == []


def test_test_hooks_are_an_error(production):
    with override_settings(INSTALLED_APPS=[*production.INSTALLED_APPS, "testhooks"]):
        found = errors()

    assert [i for i, _ in found] == ["logoutlens.E006"]
    assert "LL_TEST_HOOKS" in found[0][1]


def run_wsgi_import(**env):
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("LL_", "DJANGO_", "WEB_CONCURRENCY"))}
    return subprocess.run(
        [sys.executable, "-c", "import config.wsgi"],
        cwd=BACKEND,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_production_wsgi_start_refuses_debug_and_a_per_process_cache():
    result = run_wsgi_import(LL_ENV="production", DJANGO_DEBUG="1", WEB_CONCURRENCY="2", REDIS_URL="")

    assert result.returncode != 0
    assert "logoutlens.E001" in result.stderr and "DJANGO_DEBUG" in result.stderr
    # gunicorn's default worker count comes from WEB_CONCURRENCY, and so does the check's.
    assert "logoutlens.E004" in result.stderr and "REDIS_URL" in result.stderr


PRODUCTION_ENV = dict(
    LL_ENV="production",
    DJANGO_DEBUG="0",
    DJANGO_SECRET_KEY="prod-django-secret-" + "s" * 40,
    LL_SIGNING_KEY="prod-signing-key-" + "k" * 40,
)


def test_production_wsgi_start_with_secure_settings_succeeds():
    result = run_wsgi_import(**PRODUCTION_ENV, WEB_CONCURRENCY="1", REDIS_URL="")

    assert result.returncode == 0, result.stderr
