"""
logout_lens.contrib.simplejwt: Logout Lens's sessions behind a simplejwt project's own API. The
access tokens are stock simplejwt tokens (the team's JWTAuthentication takes them unchanged); the
refresh token lives in the HttpOnly cookie and rotates with Logout Lens's grace window, fixed
lifetime, reuse detection, codes and audit records.
"""
from datetime import timedelta

import jwt
import pytest
from django.core.checks import run_checks
from django.test import override_settings
from rest_framework.test import APIClient
from rest_framework_simplejwt.authentication import JWTAuthentication

from conftest import AJAX, COOKIE, PASSWORD
from logout_lens.audit.models import EventSource, LogoutEvent
from logout_lens.sessions import clock
from logout_lens.sessions.models import RefreshToken, RevokeReason, Session

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.contrib.urls")]

BASE = "/v1/simplejwt/token/"


def obtain(client, username="dana@example.com", password=PASSWORD, **extra):
    body = {"username": username, "password": password, "device_id": "device-1", **extra}
    return client.post(BASE, body, format="json")


def refresh(client, **headers):
    return client.post(f"{BASE}refresh/", **{**AJAX, **headers})


def bearer(answer):
    return {"HTTP_AUTHORIZATION": f"Bearer {answer.json()['access']}"}


def cookie_of(response):
    return response.cookies[COOKIE].value


@pytest.fixture
def signed_in(api, user):
    answer = obtain(api)
    assert answer.status_code == 200, answer.content
    return api, answer


@pytest.fixture(autouse=True)
def _clock():
    clock.reset()
    yield
    clock.reset()


def server_records(session_id):
    return list(
        LogoutEvent.objects.filter(source=EventSource.SERVER, session_id=session_id).values_list("type", flat=True)
    )


# ── Sign-in ───────────────────────────────────────────────────────────────────────────────────────


def test_obtain_answers_a_stock_simplejwt_access_token_with_the_session(signed_in, user, settings):
    _, answer = signed_in
    body = answer.json()

    assert set(body) >= {"access", "access_expires_at", "refresh_expires_at", "session_id", "remember_me"}
    assert "refresh" not in body  # the refresh token travels in the cookie only
    claims = jwt.decode(body["access"], settings.SIMPLE_JWT["SIGNING_KEY"], algorithms=["HS256"])
    assert claims["token_type"] == "access" and claims["user_id"] == str(user.pk)
    assert claims["sid"] == body["session_id"]
    assert body["remember_me"] is False


def test_the_teams_existing_views_take_the_access_token_unchanged(signed_in):
    client, answer = signed_in

    response = APIClient().get("/api/stock/", **bearer(answer))

    assert response.status_code == 200 and response.json() == {"user": "dana@example.com"}
    token = JWTAuthentication().get_validated_token(answer.json()["access"].encode())
    assert token["sid"] == answer.json()["session_id"]


@pytest.mark.parametrize(("remember_me", "days"), [(True, 20), (False, 7)])
def test_the_session_lasts_20_days_with_remember_me_and_7_without(api, user, remember_me, days):
    answer = obtain(api, remember_me=remember_me)

    session = Session.objects.get()
    assert session.expires_at - session.created_at == timedelta(days=days)
    assert answer.json()["remember_me"] is remember_me
    assert int(answer.cookies[COOKIE]["max-age"]) == days * 86400


def test_the_refresh_cookie_has_logout_lens_flags(signed_in):
    _, answer = signed_in
    cookie = answer.cookies[COOKIE]

    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Strict"
    assert cookie["path"] == "/v1/auth/"  # LOGOUT_LENS["REFRESH_COOKIE_PATH"]


def test_wrong_credentials_are_refused_with_a_code(api, user):
    response = obtain(api, password="wrong")

    assert response.status_code == 401
    assert response.json()["code"] == "invalid_credentials"
    assert not Session.objects.exists()


def test_a_deactivated_account_is_told_so_with_the_right_password(api, user):
    user.is_active = False
    user.save()

    response = obtain(api)

    assert response.status_code == 401 and response.json()["code"] == "account_disabled"


def test_the_policy_states_simplejwts_access_lifetime(api, settings):
    settings.SIMPLE_JWT = {**settings.SIMPLE_JWT, "ACCESS_TOKEN_LIFETIME": timedelta(minutes=15)}

    body = api.get(f"{BASE}policy/").json()

    assert body == {"access_seconds": 900, "remember_me_seconds": 20 * 86400, "standard_seconds": 7 * 86400}


# ── Refresh ───────────────────────────────────────────────────────────────────────────────────────


def test_refresh_rotates_and_answers_a_new_simplejwt_token(signed_in):
    client, first = signed_in

    second = refresh(client)

    assert second.status_code == 200
    assert cookie_of(second) != cookie_of(first)
    assert second.json()["access"] != first.json()["access"]
    assert second.json()["session_id"] == first.json()["session_id"]
    assert APIClient().get("/api/stock/", **bearer(second)).status_code == 200


def test_the_lifetime_stays_absolute_on_rotation(signed_in):
    client, first = signed_in
    clock.advance(timedelta(days=3))

    second = refresh(client)

    assert second.json()["refresh_expires_at"] == first.json()["refresh_expires_at"]
    assert 4 * 86400 - 2 <= int(second.cookies[COOKIE]["max-age"]) <= 4 * 86400


def test_within_the_grace_window_the_previous_token_gets_the_same_successor(signed_in):
    client, first = signed_in
    successor = cookie_of(refresh(client))

    client.cookies[COOKIE] = cookie_of(first)
    racing = refresh(client)

    assert racing.status_code == 200
    assert cookie_of(racing) == successor
    assert not Session.objects.exclude(revoked_at=None).exists()


def test_reuse_after_the_grace_window_revokes_every_token_of_the_session(signed_in, ll_settings):
    ll_settings(REFRESH_GRACE_SECONDS=0, REFRESH_RECOVERY_SECONDS=0)
    client, first = signed_in
    refresh(client)
    refresh(client)  # three tokens in the session now
    clock.advance(timedelta(seconds=5))

    client.cookies[COOKIE] = cookie_of(first)
    response = refresh(client)

    assert response.status_code == 401 and response.json()["code"] == "refresh_reused"
    tokens = RefreshToken.objects.filter(family=first.json()["session_id"])
    assert tokens.count() == 3
    assert set(tokens.values_list("revoke_reason", flat=True)) == {RevokeReason.REUSE_DETECTED}
    assert "TOKEN_REUSE_DETECTED" in server_records(first.json()["session_id"])


def test_an_expired_session_is_refused_as_refresh_expired(signed_in):
    client, first = signed_in
    clock.advance(timedelta(days=7, seconds=1))

    response = refresh(client)

    assert response.status_code == 401 and response.json()["code"] == "refresh_expired"
    assert "TOKEN_EXPIRED" in server_records(first.json()["session_id"])


def test_a_signed_out_session_is_refused_as_refresh_revoked(signed_in):
    client, first = signed_in
    raw = cookie_of(first)
    assert client.post(f"{BASE}logout/", **AJAX).status_code == 200

    client.cookies[COOKIE] = raw
    response = refresh(client)

    assert response.status_code == 401 and response.json()["code"] == "refresh_revoked"


def test_a_password_changed_anywhere_ends_the_session(signed_in, user):
    client, first = signed_in
    user.set_password("a-much-better-passphrase-42")
    user.save()

    response = refresh(client)

    assert response.status_code == 401 and response.json()["code"] == "password_changed"
    assert "PASSWORD_CHANGED" in server_records(first.json()["session_id"])


def test_a_deactivated_account_ends_the_session(signed_in, user):
    client, first = signed_in
    user.is_active = False
    user.save()

    response = refresh(client)

    assert response.status_code == 401 and response.json()["code"] == "account_disabled"
    assert "ACCOUNT_DISABLED" in server_records(first.json()["session_id"])


def test_refresh_without_a_cookie_is_refresh_missing(api):
    response = refresh(api)

    assert response.status_code == 401 and response.json()["code"] == "refresh_missing"


def test_refresh_and_logout_require_the_csrf_header(signed_in):
    client, _ = signed_in

    assert client.post(f"{BASE}refresh/").json()["code"] == "csrf_header_missing"
    assert client.post(f"{BASE}logout/").json()["code"] == "csrf_header_missing"
    assert not Session.objects.exclude(revoked_at=None).exists()


# ── Sign-out and the API ──────────────────────────────────────────────────────────────────────────


def test_logout_ends_the_session_on_the_server_and_clears_the_cookie(signed_in):
    client, first = signed_in

    response = client.post(f"{BASE}logout/", **AJAX)

    assert response.status_code == 200
    assert response.cookies[COOKIE].value == "" and response.cookies[COOKIE]["max-age"] == 0
    assert Session.objects.get().revoke_reason == RevokeReason.LOGOUT


def test_stock_authentication_keeps_an_access_token_until_it_expires(signed_in):
    client, first = signed_in
    client.post(f"{BASE}logout/", **AJAX)

    assert APIClient().get("/api/stock/", **bearer(first)).status_code == 200


def test_session_checked_authentication_refuses_it_at_once(signed_in, user):
    client, first = signed_in
    assert APIClient().get("/api/checked/", **bearer(first)).status_code == 200

    client.post(f"{BASE}logout/", **AJAX)
    response = APIClient().get("/api/checked/", **bearer(first))

    assert response.status_code == 401
    assert response.json()["detail"] == "The session of this access token has ended."


def test_session_checked_authentication_ends_the_session_of_a_changed_password(signed_in, user):
    _, first = signed_in
    user.set_password("a-much-better-passphrase-42")
    user.save()

    response = APIClient().get("/api/checked/", **bearer(first))

    assert response.status_code == 401
    assert Session.objects.get().revoke_reason == RevokeReason.PASSWORD_CHANGED


# ── Checks ────────────────────────────────────────────────────────────────────────────────────────


def ids(settings):
    return {message.id for message in run_checks() if message.id.startswith("logout_lens_simplejwt")}


def test_checks_pass_on_the_example_project(settings):
    assert ids(settings) == set()


def test_checks_warn_of_secret_key_signing_and_an_access_token_outliving_a_session(settings):
    settings.SIMPLE_JWT = {
        **settings.SIMPLE_JWT,
        "SIGNING_KEY": settings.SECRET_KEY,
        "ACCESS_TOKEN_LIFETIME": timedelta(days=30),
        "REFRESH_TOKEN_LIFETIME": timedelta(days=60),
    }

    assert ids(settings) == {"logout_lens_simplejwt.W001", "logout_lens_simplejwt.W002"}


def test_checks_warn_of_a_blacklist_without_its_app_and_an_access_token_outliving_its_refresh_token(settings):
    settings.SIMPLE_JWT = {
        **settings.SIMPLE_JWT,
        "ROTATE_REFRESH_TOKENS": True,
        "BLACKLIST_AFTER_ROTATION": True,
        "ACCESS_TOKEN_LIFETIME": timedelta(hours=2),
        "REFRESH_TOKEN_LIFETIME": timedelta(hours=1),
    }

    assert ids(settings) == {"logout_lens_simplejwt.W003", "logout_lens_simplejwt.W005"}


def test_checks_take_a_blacklist_with_its_app(settings, monkeypatch):
    from django.apps import apps

    settings.SIMPLE_JWT = {**settings.SIMPLE_JWT, "ROTATE_REFRESH_TOKENS": True, "BLACKLIST_AFTER_ROTATION": True}
    assert "logout_lens_simplejwt.W003" in ids(settings)
    installed = apps.is_installed
    monkeypatch.setattr(apps, "is_installed", lambda name: name == "rest_framework_simplejwt.token_blacklist" or installed(name))
    assert "logout_lens_simplejwt.W003" not in ids(settings)


def test_checks_need_the_sessions_and_audit_apps(settings):
    apps = [a for a in settings.INSTALLED_APPS if a not in ("logout_lens.audit",)]
    with override_settings(INSTALLED_APPS=apps):
        assert "logout_lens_simplejwt.E001" in {m.id for m in run_checks()}
