"""The server records every session it ends, joinable with the browser's own record."""
import logging
from datetime import timedelta

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from logout_lens.audit.models import LogoutEvent
from logout_lens.sessions.models import RefreshToken, Session
from conftest import AJAX, COOKIE, PASSWORD, bearer, login, refresh

pytestmark = pytest.mark.django_db


def server_events():
    return list(LogoutEvent.objects.filter(source="server").order_by("id"))


def assert_one_server_event(type_, session_id, device_id="device-1"):
    (event,) = server_events()
    assert event.type == type_
    assert str(event.session_id) == session_id
    assert event.device_id == device_id
    assert event.verified is True and event.user is not None
    return event


def test_sign_out_is_recorded(signed_in, caplog):
    client, first = signed_in
    caplog.set_level(logging.INFO, logger="logoutlens.audit")

    client.post("/v1/auth/logout/", **AJAX)

    assert_one_server_event("USER_INITIATED", first.json()["session_id"])
    lines = [r.getMessage() for r in caplog.records if r.name == "logoutlens.audit"]
    assert len(lines) == 1 and lines[0].startswith("LOGOUT EVENT type=USER_INITIATED source=server")
    assert first.cookies[COOKIE].value not in lines[0]


def test_repeated_sign_out_is_recorded_once(signed_in):
    client, first = signed_in
    raw = first.cookies[COOKIE].value
    client.post("/v1/auth/logout/", **AJAX)
    client.cookies[COOKIE] = raw
    client.post("/v1/auth/logout/", **AJAX)

    assert len(server_events()) == 1


def test_reuse_after_grace_is_recorded(signed_in, ll_settings):
    ll_settings(REFRESH_RECOVERY_SECONDS=0)
    client, first = signed_in
    old = first.cookies[COOKIE].value
    refresh(client)
    RefreshToken.objects.exclude(rotated_at=None).update(rotated_at=timezone.now() - timedelta(minutes=5))
    client.cookies[COOKIE] = old

    assert refresh(client).json()["code"] == "refresh_reused"

    assert_one_server_event("TOKEN_REUSE_DETECTED", first.json()["session_id"])


def test_expiry_is_recorded_once(signed_in):
    client, first = signed_in
    raw = first.cookies[COOKIE].value
    Session.objects.update(expires_at=timezone.now() - timedelta(seconds=1))

    refresh(client)
    client.cookies[COOKIE] = raw
    assert refresh(client).json()["code"] == "refresh_expired"

    assert_one_server_event("TOKEN_EXPIRED", first.json()["session_id"])


def test_password_change_records_each_ended_session(signed_in, user):
    client, first = signed_in
    phone = APIClient()
    second = login(phone, device_id="phone-2")

    client.post(
        "/v1/auth/change-password/",
        {"current_password": PASSWORD, "new_password": "a-much-better-passphrase-42"},
        format="json",
        **bearer(first),
    )

    events = server_events()
    assert {e.type for e in events} == {"PASSWORD_CHANGED"}
    assert {(str(e.session_id), e.device_id) for e in events} == {
        (first.json()["session_id"], "device-1"),
        (second.json()["session_id"], "phone-2"),
    }


def test_revoked_session_is_recorded(signed_in):
    client, first = signed_in
    second = login(APIClient(), device_id="phone-2")

    client.delete(f"/v1/auth/sessions/{second.json()['session_id']}/", **bearer(first))

    assert_one_server_event("SESSION_REVOKED", second.json()["session_id"], device_id="phone-2")
