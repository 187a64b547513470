"""
A sign-out the browser decides (idle timeout, an auth error, any type) ends the session on
the server too: the logout event that reports it revokes the session it names, when the
sender proves it is that session's user, and the server writes its own record of the revoke
with the type the browser gave.
"""
import pytest
from rest_framework.test import APIClient

from logout_lens.audit.models import EventSource, LogoutEvent
from logout_lens.sessions.models import RevokeReason, Session
from conftest import AJAX, COOKIE, bearer, login, refresh

pytestmark = pytest.mark.django_db

URL = "/v1/auth/logout-event/"


def post_event(client, **body):
    return client.post(URL, {"device_id": "device-1", **body}, format="json", **AJAX)


def replay(raw):
    client = APIClient()
    client.cookies[COOKIE] = raw
    return refresh(client)


@pytest.mark.parametrize("logout_type", ["IDLE_TIMEOUT", "AUTH_ERROR", "REFRESH_FAILED", "UNKNOWN"])
def test_a_browser_sign_out_of_any_type_revokes_the_session(signed_in, logout_type):
    client, grant = signed_in
    raw = grant.cookies[COOKIE].value
    session_id = grant.json()["session_id"]

    answer = post_event(client, type=logout_type, session_id=session_id)

    assert answer.status_code == 201 and answer.json()["session_revoked"] is True
    refused = replay(raw)
    assert refused.status_code == 401 and refused.json()["code"] == "refresh_revoked"
    assert Session.objects.get(pk=session_id).revoke_reason == RevokeReason.CLIENT_ENDED
    server = LogoutEvent.objects.get(source=EventSource.SERVER, session_id=session_id)
    assert server.type == logout_type and server.verified
    assert server.details["revoke_reason"] == RevokeReason.CLIENT_ENDED
    assert LogoutEvent.objects.filter(source=EventSource.CLIENT, session_id=session_id).count() == 1


def test_user_initiated_is_a_sign_out(signed_in):
    client, grant = signed_in
    session_id = grant.json()["session_id"]

    post_event(client, type="USER_INITIATED", session_id=session_id)

    assert Session.objects.get(pk=session_id).revoke_reason == RevokeReason.LOGOUT
    assert client.post("/v1/auth/logout/", **AJAX).status_code == 200
    assert LogoutEvent.objects.filter(source=EventSource.SERVER).count() == 1


def test_an_event_sent_again_revokes_once(signed_in):
    client, grant = signed_in
    session_id = grant.json()["session_id"]

    post_event(client, type="IDLE_TIMEOUT", session_id=session_id)
    again = post_event(client, type="IDLE_TIMEOUT", session_id=session_id)

    assert again.status_code == 201 and again.json()["session_revoked"] is False
    assert LogoutEvent.objects.filter(source=EventSource.SERVER).count() == 1


def test_an_event_delivered_after_signing_in_again_ends_the_old_session_only(signed_in):
    # The outbox sends a queued event late: the browser has a new session's cookie by then.
    client, old = signed_in
    new = login(client)
    assert new.json()["session_id"] != old.json()["session_id"]

    post_event(client, type="IDLE_TIMEOUT", session_id=old.json()["session_id"])

    assert replay(old.cookies[COOKIE].value).status_code == 401
    assert client.get("/v1/auth/me/", **bearer(new)).status_code == 200
    assert refresh(client).status_code == 200


def test_an_unverified_event_revokes_nothing(signed_in):
    _, grant = signed_in
    session_id = grant.json()["session_id"]

    answer = post_event(APIClient(), type="IDLE_TIMEOUT", session_id=session_id)

    assert answer.status_code == 201 and answer.json() == {
        "id": answer.json()["id"], "verified": False, "session_revoked": False,
    }
    assert replay(grant.cookies[COOKIE].value).status_code == 200


def test_a_verified_sender_cannot_name_another_users_session(signed_in, other_user):
    client, _ = signed_in
    theirs = APIClient()
    their_grant = login(theirs, email="omar@example.com")

    answer = post_event(client, type="IDLE_TIMEOUT", session_id=their_grant.json()["session_id"])

    assert answer.status_code == 400
    assert "session_id" in answer.json()["errors"]
    assert not LogoutEvent.objects.exists()
    assert refresh(theirs).status_code == 200


def test_a_record_delivered_twice_is_stored_logged_and_acted_on_once(signed_in, caplog):
    # The outbox delivers at least once: an answer lost on the way back, or two tabs flushing the
    # queue they share at the same moment (the soak saw the latter), sends the same record again.
    import logging

    client, grant = signed_in
    session_id = grant.json()["session_id"]
    caplog.set_level(logging.INFO, logger="logoutlens.audit")
    record = {"type": "TOKEN_EXPIRED", "session_id": session_id, "details": {"client_event_id": "rec-1"}}

    first = post_event(client, **record)
    again = post_event(client, **record)

    assert first.status_code == 201
    assert again.status_code == 200 and again.json()["id"] == first.json()["id"]
    assert again.json()["duplicate"] is True and again.json()["session_revoked"] is False
    assert LogoutEvent.objects.filter(source=EventSource.CLIENT).count() == 1
    assert LogoutEvent.objects.filter(source=EventSource.SERVER).count() == 1
    assert sum("LOGOUT EVENT type=TOKEN_EXPIRED source=client" in r.getMessage() for r in caplog.records) == 1


def test_the_same_record_id_from_another_device_is_another_record(signed_in):
    client, _ = signed_in
    details = {"client_event_id": "rec-1"}

    assert post_event(client, type="UNKNOWN", details=details).status_code == 201
    other = client.post(URL, {"device_id": "device-2", "type": "UNKNOWN", "details": details}, format="json", **AJAX)

    assert other.status_code == 201
    assert LogoutEvent.objects.filter(source=EventSource.CLIENT).count() == 2

