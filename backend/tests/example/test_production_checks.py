"""
With LL_ENV=production, insecure settings are system-check errors and stop the WSGI start; the
WSGI entry point means production unless development is asked for.
"""
import json
import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import override_settings

from config.checks import check_production_settings

BACKEND = Path(__file__).resolve().parents[2]
SECURE = dict(
    LL_ENV="production",
    DEBUG=False,
    SECRET_KEY="prod-django-secret-" + "s" * 40,
    LL_WORKERS=2,
    LL_DEMO_ENDPOINTS=False,
)
SECURE_LL = {"SIGNING_KEY": "prod-signing-key-" + "k" * 40}


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
        ({"DEBUG": True}, {"REFRESH_COOKIE_SECURE": True}, "example.E001", "DJANGO_DEBUG"),
        ({}, {"REFRESH_COOKIE_SECURE": False}, "example.E002", "LL_REFRESH_COOKIE_SECURE"),
        ({}, {"SIGNING_KEY": "short-but-unique"}, "example.E003", "LL_SIGNING_KEY"),
        ({}, {"SIGNING_KEY": "dev-only-" + "x" * 40}, "example.E003", "LL_SIGNING_KEY"),
        ({}, {"SIGNING_KEY": "prod-django-secret-" + "s" * 40}, "example.E003", "LL_SIGNING_KEY"),
        (
            {"CACHES": {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}},
            {},
            "example.E004",
            "REDIS_URL",
        ),
        ({"LL_DEMO_ENDPOINTS": True}, {}, "example.E005", "LL_DEMO_ENDPOINTS"),
        ({"SECRET_KEY": "dev-only-" + "d" * 40}, {}, "example.E007", "DJANGO_SECRET_KEY"),
        ({"SECRET_KEY": "short"}, {}, "example.E007", "DJANGO_SECRET_KEY"),
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

    assert error_id == "example.E003" and "SECRET_KEY" in text and "LL_SIGNING_KEY" in text


def test_the_benchmarks_simplejwt_is_refused_unless_the_server_answers_loopback_only(production):
    production.LL_BENCH_SIMPLEJWT = True
    production.ALLOWED_HOSTS = ["lens.example.com", "127.0.0.1"]

    [(error_id, text)] = errors()
    assert error_id == "example.E008" and "LL_BENCH_SIMPLEJWT" in text

    production.ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
    assert errors() == []


def test_one_worker_may_use_the_local_cache(production):
    production.LL_WORKERS = 1
    production.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

    assert errors() == []


def test_test_hooks_are_an_error(production):
    with override_settings(INSTALLED_APPS=[*production.INSTALLED_APPS, "testhooks"]):
        found = errors()

    assert [i for i, _ in found] == ["example.E006"]
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
    assert "example.E001" in result.stderr and "DJANGO_DEBUG" in result.stderr
    # gunicorn's default worker count comes from WEB_CONCURRENCY, and so does the check's.
    assert "example.E004" in result.stderr and "REDIS_URL" in result.stderr


PRODUCTION_ENV = dict(
    LL_ENV="production",
    DJANGO_DEBUG="0",
    DJANGO_SECRET_KEY="prod-django-secret-" + "s" * 40,
    LL_SIGNING_KEY="prod-signing-key-" + "k" * 40,
)


def test_production_wsgi_start_with_secure_settings_succeeds():
    result = run_wsgi_import(**PRODUCTION_ENV, WEB_CONCURRENCY="1", REDIS_URL="")

    assert result.returncode == 0, result.stderr


def test_wsgi_start_without_ll_env_is_production():
    """Nobody asked for development, so the repository's development keys are refused."""
    result = run_wsgi_import()

    assert result.returncode != 0
    assert "LL_SIGNING_KEY" in result.stderr and "DJANGO_SECRET_KEY" in result.stderr


def test_wsgi_start_in_development_must_be_asked_for():
    result = run_wsgi_import(LL_ENV="development")

    assert result.returncode == 0, result.stderr


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_gunicorn_with_an_empty_environment_refuses_to_serve(tmp_path):
    """`gunicorn config.wsgi` and nothing else: it must not serve with the development keys."""
    output = tmp_path / "gunicorn.log"
    with open(output, "w") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-b", f"127.0.0.1:{free_port()}", "config.wsgi"],
            cwd=BACKEND,
            env={"PATH": os.environ["PATH"]},
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            returncode = process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)
            pytest.fail("gunicorn started serving with no LL_ENV:\n" + output.read_text()[-2000:])

    text = output.read_text()
    assert returncode != 0, text[-2000:]
    assert "LL_SIGNING_KEY" in text, text[-2000:]


def run_python(code, **env):
    """Run `code` with the project's settings in a fresh interpreter and only `env` set."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("LL_", "DJANGO_", "WEB_CONCURRENCY"))}
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=BACKEND,
        env={**clean, "DJANGO_SETTINGS_MODULE": "config.settings", **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


SHOW_SETTINGS = (
    "import json, django; django.setup(); from django.conf import settings; "
    "from logout_lens.settings import api_settings; "
    "print(json.dumps({'LL_ENV': settings.LL_ENV, 'DEBUG': settings.DEBUG, "
    "'DEMO_ENDPOINTS': settings.LL_DEMO_ENDPOINTS, 'SESSION_COOKIE_SECURE': settings.SESSION_COOKIE_SECURE, "
    "'CSRF_COOKIE_SECURE': settings.CSRF_COOKIE_SECURE, 'SECURE_PROXY_SSL_HEADER': settings.SECURE_PROXY_SSL_HEADER}))"
)


def shown_settings(**env):
    result = run_python(SHOW_SETTINGS, **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def production_settings():
    """The settings of a production start that leaves DJANGO_DEBUG unset."""
    return shown_settings(**{**PRODUCTION_ENV, "DJANGO_DEBUG": ""})


def test_debug_and_the_demo_endpoints_are_on_only_in_development(production_settings):
    production = production_settings
    development = shown_settings(LL_ENV="development")
    unset = shown_settings()

    assert (production["DEBUG"], production["DEMO_ENDPOINTS"]) == (False, False)
    assert (development["DEBUG"], development["DEMO_ENDPOINTS"]) == (True, True)
    assert unset["LL_ENV"] == "production" and unset["DEBUG"] is False
    assert shown_settings(LL_ENV="development", DJANGO_DEBUG="0")["DEBUG"] is False


def test_production_admin_cookies_are_secure_behind_the_proxy(production_settings):
    shown = production_settings

    assert shown["SESSION_COOKIE_SECURE"] is True and shown["CSRF_COOKIE_SECURE"] is True
    # deploy/nginx.conf.example: proxy_set_header X-Forwarded-Proto $scheme;
    assert shown["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]


def test_deploy_checks_are_clean_under_production_settings():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=BACKEND,
        env={
            **{k: v for k, v in os.environ.items() if not k.startswith(("LL_", "DJANGO_", "WEB_CONCURRENCY"))},
            **PRODUCTION_ENV,
            "DJANGO_ALLOWED_HOSTS": "lens.example.com",
            "WEB_CONCURRENCY": "1",
        },
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout, result.stdout + result.stderr


def test_an_unknown_ll_env_is_refused():
    result = run_python(SHOW_SETTINGS, LL_ENV="prod")

    assert result.returncode != 0
    assert "LL_ENV" in result.stderr
