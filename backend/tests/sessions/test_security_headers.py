"""Every response carries the browser-hardening headers."""
import pytest
from django.test import Client

from config.security import ADMIN_CSP, API_CSP
from conftest import AJAX, COOKIE, bearer, login

pytestmark = pytest.mark.django_db


def assert_common_headers(response):
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"


@pytest.mark.parametrize(
    "method, url",
    [
        ("get", "/v1/health/"),
        ("get", "/v1/auth/me/"),  # 401
        ("post", "/v1/auth/refresh/"),  # 403 without the CSRF header
        ("get", "/v1/no-such-endpoint/"),  # 404
        ("get", "/v1/auth/login"),  # redirect to the slash URL
    ],
)
def test_api_responses_carry_the_strict_policy(api, method, url):
    response = getattr(api, method)(url)

    assert_common_headers(response)
    assert response["Content-Security-Policy"] == API_CSP
    assert "default-src 'none'" in API_CSP and "frame-ancestors 'none'" in API_CSP


def test_session_grant_carries_the_headers(api, user):
    response = login(api)

    assert response.status_code == 200
    assert_common_headers(response)
    assert response["Content-Security-Policy"] == API_CSP


def test_admin_gets_a_policy_it_works_under(admin_user):
    client = Client()
    client.force_login(admin_user)

    response = client.get("/admin/")

    assert response.status_code == 200
    assert_common_headers(response)
    assert response["Content-Security-Policy"] == ADMIN_CSP
    assert "frame-ancestors 'none'" in ADMIN_CSP
    # The admin's pages load only same-origin scripts: no inline <script> blocks.
    html = response.content.decode()
    assert "<script>" not in html and '<script type="text/javascript">' not in html


def test_logout_clears_the_cache_only(signed_in):
    # "cookies" would clear every cookie of the registrable domain (SSO and other apps on
    # example.com when deployed at lens.corp.example.com); the refresh cookie is expired
    # explicitly instead. "storage" would erase the logout history.
    client, _ = signed_in

    response = client.post("/v1/auth/logout/", **AJAX)

    assert response.status_code == 200
    assert response["Clear-Site-Data"] == '"cache"'
    assert response.cookies[COOKIE]["max-age"] == 0


@pytest.mark.parametrize("url", ["/v1/auth/me/", "/v1/auth/sessions/", "/v1/auth/logout-events/"])
def test_personal_answers_are_never_cached(signed_in, url):
    client, grant = signed_in

    response = client.get(url, **bearer(grant))

    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
