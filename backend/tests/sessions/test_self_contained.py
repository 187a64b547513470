"""
The package's views answer the same in a project with DRF's own defaults (no REST_FRAMEWORK
settings, or a host's very different ones): JSON only, {detail, code} error bodies, the 16 KB
limit, Logout Lens's access tokens and its own rate limits.
"""
import json

import pytest

from conftest import AJAX, bearer, login, refresh

pytestmark = pytest.mark.django_db

HOST_SETTINGS = {
    # DRF's defaults …
    None: {},
    # … and a host that sets everything differently for its own API.
    "a busy host": {
        "DEFAULT_AUTHENTICATION_CLASSES": ["rest_framework.authentication.BasicAuthentication"],
        "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAdminUser"],
        "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.BrowsableAPIRenderer"],
        "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.FormParser"],
        "DEFAULT_THROTTLE_CLASSES": ["rest_framework.throttling.AnonRateThrottle"],
        "DEFAULT_THROTTLE_RATES": {"anon": "1/day"},
        "DEFAULT_VERSIONING_CLASS": "rest_framework.versioning.AcceptHeaderVersioning",
        "EXCEPTION_HANDLER": "rest_framework.views.exception_handler",
    },
}


@pytest.fixture(params=list(HOST_SETTINGS), ids=lambda name: name or "DRF defaults")
def host(request, settings):
    del settings.REST_FRAMEWORK  # the example project's own
    if request.param:
        settings.REST_FRAMEWORK = HOST_SETTINGS[request.param]
    return request.param


def test_sign_in_refresh_and_me_work_with_the_hosts_defaults(host, api, user):
    signed_in = login(api)
    assert signed_in.status_code == 200 and signed_in["Content-Type"] == "application/json"
    assert api.get("/v1/auth/me/", **bearer(signed_in)).json()["email"] == user.email
    assert refresh(api).status_code == 200
    # The host's throttles (anon 1/day) are not the package's: a second sign-in passes.
    assert login(api).status_code == 200


def test_error_bodies_keep_their_shape(host, api, user):
    wrong = login(api, password="not-it")
    missing = api.post("/v1/auth/refresh/", **AJAX)
    no_token = api.get("/v1/auth/me/")

    assert (wrong.status_code, set(wrong.json())) == (401, {"detail", "code"})
    assert (missing.status_code, missing.json()["code"]) == (401, "refresh_missing")
    assert (no_token.status_code, no_token.json()["code"]) == (401, "not_authenticated")


def test_the_body_limit_and_json_parsing_hold(host, api, user):
    huge = json.dumps({"email": user.email, "password": "x" * 20_000})
    too_large = api.post("/v1/auth/login/", huge, content_type="application/json")
    broken = api.post("/v1/auth/login/", "{not json", content_type="application/json")

    assert (too_large.status_code, too_large.json()["code"]) == (413, "payload_too_large")
    assert (broken.status_code, broken.json()["code"]) == (400, "parse_error")
