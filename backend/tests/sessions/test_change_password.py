"""
change-password/: the password is changed, every session of the user ends as PASSWORD_CHANGED,
and the browser that asked is signed in again with a fresh session (new session id, refresh
cookie and access token; same device and remember-me choice).
"""
from datetime import timedelta

import pytest
from rest_framework.test import APIClient

from logout_lens.audit.models import LogoutEvent
from logout_lens.sessions import clock
from logout_lens.sessions.models import RefreshToken, RevokeReason, Session
from conftest import AJAX, COOKIE, PASSWORD, bearer, login, refresh

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "a-much-better-passphrase-42"
GRANT_FIELDS = {
    "access", "access_expires_at", "refresh_expires_at", "session_id", "remember_me", "user", "session_policy",
}


def change(client, grant, current=PASSWORD, new=NEW_PASSWORD):
    return client.post(
        "/v1/auth/change-password/",
        {"current_password": current, "new_password": new},
        format="json",
        **bearer(grant),
    )


def test_this_browser_stays_signed_in_with_a_fresh_session(signed_in, user):
    client, first = signed_in
    old_session = first.json()["session_id"]

    response = change(client, first)

    assert response.status_code == 200, response.content
    body = response.json()
    assert set(body) == GRANT_FIELDS
    assert body["session_id"] != old_session
    assert body["user"]["email"] == "dana@example.com"
    cookie = response.cookies[COOKIE]
    assert cookie.value and cookie.value != first.cookies[COOKIE].value
    assert int(cookie["max-age"]) > 0
    # The fresh session works for API calls and for refresh (the client now holds its cookie).
    assert client.get("/v1/auth/me/", **bearer(response)).status_code == 200
    renewed = refresh(client)
    assert renewed.status_code == 200, renewed.content
    assert renewed.json()["session_id"] == body["session_id"]
    # The session this browser had ended like every other one.
    assert Session.objects.get(pk=old_session).revoke_reason == RevokeReason.PASSWORD_CHANGED


@pytest.mark.parametrize("remember_me", [True, False])
def test_the_fresh_session_keeps_the_device_and_the_remember_me_choice(api, user, remember_me):
    grant = login(api, remember_me=remember_me, device_id="laptop-7")

    response = change(api, grant)

    session = Session.objects.get(pk=response.json()["session_id"])
    assert session.device_id == "laptop-7"
    assert session.remember_me is remember_me
    assert response.json()["remember_me"] is remember_me
    lifetime = timedelta(days=20 if remember_me else 7)
    assert abs(session.expires_at - (clock.now() + lifetime)) < timedelta(minutes=1)
    assert session.password_matches()


def test_change_password_ends_every_other_session_as_password_changed(signed_in, user, other_user):
    client, first = signed_in
    laptop = APIClient()
    laptop_grant = login(laptop, device_id="device-2")
    refresh(laptop)
    bystander = APIClient()
    login(bystander, email="omar@example.com")

    response = change(client, first)

    assert response.status_code == 200
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
    fresh = response.json()["session_id"]
    assert set(
        RefreshToken.objects.filter(user=user).exclude(family=fresh).values_list("revoke_reason", flat=True)
    ) == {RevokeReason.PASSWORD_CHANGED}
    assert list(Session.objects.filter(user=user, revoked_at=None).values_list("pk", flat=True)) == [
        Session.objects.get(pk=fresh).pk
    ]
    assert refresh(laptop).json()["code"] == "password_changed"
    assert laptop.get("/v1/auth/me/", **bearer(laptop_grant)).json()["code"] == "password_changed"
    assert refresh(bystander).status_code == 200
    assert login(APIClient(), password=NEW_PASSWORD).status_code == 200


def test_the_audit_trail_records_each_ended_session_as_password_changed(signed_in, user):
    client, first = signed_in
    laptop_grant = login(APIClient(), device_id="device-2")

    response = change(client, first)

    records = LogoutEvent.objects.filter(user=user)
    assert sorted((r.type, r.source, r.device_id, str(r.session_id)) for r in records) == sorted(
        [
            ("PASSWORD_CHANGED", "server", "device-1", first.json()["session_id"]),
            ("PASSWORD_CHANGED", "server", "device-2", laptop_grant.json()["session_id"]),
        ]
    )
    assert not records.filter(session_id=response.json()["session_id"]).exists()


def test_old_cookie_after_password_change_answers_password_changed(signed_in):
    client, first = signed_in
    raw = first.cookies[COOKIE].value
    change(client, first)
    client.cookies[COOKIE] = raw

    response = client.post("/v1/auth/refresh/", **AJAX)

    assert response.status_code == 401
    assert response.json()["code"] == "password_changed"


def test_wrong_current_password_changes_nothing(signed_in, user):
    client, first = signed_in

    response = change(client, first, current="not-it")

    assert response.status_code == 400
    assert response.json() == {
        "detail": "Invalid input.",
        "code": "invalid",
        "errors": {"current_password": ["The current password is wrong."]},
    }
    assert COOKIE not in response.cookies
    assert not RefreshToken.objects.exclude(revoked_at=None).exists()
    assert Session.objects.count() == 1


@pytest.mark.parametrize(
    "weak, message",
    [
        ("short", "This password is too short. It must contain at least 8 characters."),
        ("12345678901", "This password is entirely numeric."),
        ("password123", "This password is too common."),
        ("dana@example.com", "The password is too similar to the"),
    ],
)
def test_new_password_must_pass_the_validators(signed_in, weak, message):
    client, first = signed_in

    response = change(client, first, new=weak)

    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "invalid"
    assert set(body["errors"]) == {"new_password"}
    assert any(m.startswith(message) for m in body["errors"]["new_password"]), body
    assert not RefreshToken.objects.exclude(revoked_at=None).exists()


def test_change_password_needs_an_access_token(api, user):
    response = api.post("/v1/auth/change-password/", {}, format="json")

    assert response.status_code == 401
