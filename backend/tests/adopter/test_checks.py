"""
The system checks that keep an adopting project from a setup that cannot work: the refresh cookie's
path must cover the prefix the project includes logout_lens.urls under (a project that mounts
it at api/auth/ and keeps the default path would sign everyone out with their first access
token), and `check --deploy` speaks up about a refresh cookie that is not Secure.
"""
import pytest
from django.core.checks import run_checks
from django.urls import include, path

from logout_lens.sessions.checks import (
    check_refresh_cookie_path,
    check_refresh_cookie_secure,
    cookie_path_matches,
)

# A project that includes Logout Lens somewhere else than the default cookie path.
urlpatterns = [path("api/auth/", include("logout_lens.urls"))]


@pytest.fixture
def mounted_elsewhere(settings):
    settings.ROOT_URLCONF = __name__


def ids(messages):
    return [m.id for m in messages]


def test_the_default_path_covers_the_v1_auth_include():
    assert check_refresh_cookie_path(None) == []


def test_an_include_the_cookie_path_does_not_cover_is_a_warning_naming_the_fix(mounted_elsewhere):
    (error,) = check_refresh_cookie_path(None)

    assert error.id == "logout_lens.W004"
    assert "/api/auth/refresh/" in error.msg and "/api/auth/logout-event/" in error.msg
    assert "'/api/auth/'" in error.hint
    assert "logout_lens.W004" in ids(run_checks())


def test_a_cookie_path_set_to_the_include_passes(mounted_elsewhere, ll_settings):
    ll_settings(REFRESH_COOKIE_PATH="/api/auth/")
    assert check_refresh_cookie_path(None) == []

    ll_settings(REFRESH_COOKIE_PATH="/api")
    assert check_refresh_cookie_path(None) == []


def test_without_the_include_there_is_nothing_to_compare(settings):
    settings.ROOT_URLCONF = "logout_lens.audit.urls"  # as the root, its namespaced names do not exist
    assert check_refresh_cookie_path(None) == []


@pytest.mark.parametrize(
    "cookie_path, path, sent",
    [
        ("/v1/auth/", "/v1/auth/refresh/", True),
        ("/v1/auth", "/v1/auth/refresh/", True),
        ("/", "/v1/auth/refresh/", True),
        ("/v1/auth", "/v1/authx/refresh/", False),
        ("/v1/auth/", "/api/auth/refresh/", False),
    ],
)
def test_cookie_paths_match_as_browsers_match_them(cookie_path, path, sent):
    assert cookie_path_matches(cookie_path, path) is sent


def test_deploy_check_warns_about_a_refresh_cookie_that_is_not_secure(settings, ll_settings):
    settings.DEBUG = False
    assert check_refresh_cookie_secure(None) == []

    ll_settings(REFRESH_COOKIE_SECURE=False)
    assert ids(check_refresh_cookie_secure(None)) == ["logout_lens.W003"]
    assert "logout_lens.W003" in ids(run_checks(include_deployment_checks=True))
    assert "logout_lens.W003" not in ids(run_checks())
