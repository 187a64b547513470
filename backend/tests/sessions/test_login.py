from datetime import timedelta

import pytest

from logout_lens.sessions.models import RefreshToken
from conftest import COOKIE, PASSWORD, login

pytestmark = pytest.mark.django_db


def test_login_returns_tokens_and_user(api, user):
    response = login(api, remember_me=True)

    assert response.status_code == 200
    body = response.json()
    assert set(body) == {
        "access", "access_expires_at", "refresh_expires_at", "session_id", "remember_me", "user",
        "session_policy",
    }
    assert body["user"] == {"id": str(user.pk), "email": "dana@example.com", "name": "Dana Demo"}
    assert body["remember_me"] is True
    assert body["access_expires_at"].endswith("Z") and body["refresh_expires_at"].endswith("Z")
    assert "refresh" not in body
    token = RefreshToken.objects.get()
    assert str(token.family_id) == body["session_id"]
    assert token.device_id == "device-1"
    assert response.cookies[COOKIE].value not in {"", token.token_hash}


@pytest.mark.parametrize(
    "remember_me, max_age, days", [(True, 1728000, 20), (False, 604800, 7)]
)
def test_session_lifetime_follows_remember_me(api, user, remember_me, max_age, days):
    response = login(api, remember_me=remember_me)

    assert response.cookies[COOKIE]["max-age"] == max_age
    token = RefreshToken.objects.get()
    assert token.expires_at - token.created_at == timedelta(days=days)
    assert token.remember_me is remember_me


def test_refresh_cookie_flags(api, user, settings):
    settings.DEBUG = False

    cookie = login(api).cookies[COOKIE]

    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Strict"
    assert cookie["path"] == "/v1/auth/"
    assert cookie["secure"] is True


def test_refresh_cookie_not_secure_in_debug_unless_configured(api, user, settings, ll_settings):
    settings.DEBUG = True
    assert not login(api).cookies[COOKIE]["secure"]

    ll_settings(REFRESH_COOKIE_SECURE=True)
    assert login(api).cookies[COOKIE]["secure"] is True


def test_login_response_is_not_cacheable(api, user):
    assert login(api)["Cache-Control"] == "no-store"


def test_email_lookup_ignores_case(api, user):
    assert login(api, email="DANA@Example.COM").status_code == 200


@pytest.mark.parametrize(
    "email, password",
    [("dana@example.com", "wrong-password"), ("nobody@example.com", PASSWORD)],
)
def test_wrong_credentials_are_401(api, user, email, password):
    response = login(api, email=email, password=password)

    assert response.status_code == 401
    assert response.json() == {"code": "invalid_credentials", "detail": "Email or password is wrong."}
    assert COOKIE not in response.cookies
    assert not RefreshToken.objects.exists()


def test_inactive_user_cannot_sign_in(api, user):
    user.is_active = False
    user.save()

    response = login(api)

    assert response.status_code == 401 and response.json()["code"] == "account_disabled"
    assert "access" not in response.json() and COOKIE not in response.cookies


@pytest.mark.parametrize(
    "body, field",
    [
        ({"password": PASSWORD}, "email"),
        ({"email": "dana@example.com"}, "password"),
        ({"email": "dana@example.com", "password": PASSWORD, "device_id": "bad id!"}, "device_id"),
        ({"email": "dana@example.com", "password": PASSWORD, "device_id": "x" * 65}, "device_id"),
        ({"email": "dana@example.com", "password": PASSWORD, "device_id": "ok\nno"}, "device_id"),
        ({"email": "dana@example.com", "password": PASSWORD, "remember_me": "maybe"}, "remember_me"),
    ],
)
def test_invalid_input_is_400_with_field_errors(api, user, body, field):
    response = api.post("/v1/auth/login/", body, format="json")

    assert response.status_code == 400
    assert response.json()["code"] == "invalid"
    assert field in response.json()["errors"]


def test_login_is_rate_limited(api, user, throttle_rates):
    throttle_rates(login="2/min")

    statuses = [login(api, password="wrong").status_code for _ in range(3)]

    assert statuses == [401, 401, 429]
    assert login(api).json()["code"] == "throttled"


def test_login_records_client_details(api, user):
    api.post(
        "/v1/auth/login/",
        {"email": "dana@example.com", "password": PASSWORD},
        format="json",
        HTTP_USER_AGENT="Mozilla/5.0 " + "x" * 600,
        REMOTE_ADDR="203.0.113.7",
    )

    token = RefreshToken.objects.get()
    assert token.ip == "203.0.113.7"
    assert len(token.user_agent) == 512
    assert token.device_id == ""


@pytest.mark.parametrize(
    "raw",
    [b"{", b"[" * 5000 + b"]" * 5000, rb'{"email": "a@example.com", "password": "\ud800"}'],
)
def test_malformed_bodies_are_400(api, raw):
    response = api.post("/v1/auth/login/", raw, content_type="application/json")

    assert response.status_code == 400
    assert response.json()["code"] in {"parse_error", "invalid"}
