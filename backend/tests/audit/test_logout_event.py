import json
import logging

import pytest
from rest_framework.test import APIClient

from logout_lens.audit.models import LogoutEvent
from conftest import AJAX, COOKIE, bearer

pytestmark = pytest.mark.django_db

URL = "/v1/auth/logout-event/"
SESSION = "6f1c2a9e-3b4d-4c5e-8f70-1a2b3c4d5e6f"


def event(**overrides):
    return {
        "type": "TOKEN_EXPIRED",
        "message": "Refresh token expired",
        "idle_seconds": 1380,
        "occurred_at": "2026-11-28T10:15:00.123Z",
        "device_id": "dev-abc_123",
        "session_id": SESSION,
        "tab_id": "tab-1",
        "route": "/dashboard",
        "details": {"had_access_token": True, "from_other_tab": False},
        **overrides,
    }


def post(client, body, **extra):
    payload = body if isinstance(body, (bytes, str)) else json.dumps(body)
    return client.post(URL, payload, content_type="application/json", **{**AJAX, **extra})


@pytest.fixture
def audit_log(caplog):
    caplog.set_level(logging.INFO, logger="logoutlens.audit")
    return lambda: [r.getMessage() for r in caplog.records if r.name == "logoutlens.audit"]


def test_valid_event_is_stored_and_logged_once(api, audit_log):
    response = post(api, event(), HTTP_USER_AGENT="Mozilla/5.0 Test", REMOTE_ADDR="198.51.100.4")

    assert response.status_code == 201
    stored = LogoutEvent.objects.get()
    assert response.json() == {"id": stored.id, "verified": False, "session_revoked": False}
    assert (stored.type, stored.source, stored.idle_seconds) == ("TOKEN_EXPIRED", "client", 1380)
    assert stored.client_time.isoformat() == "2026-11-28T10:15:00.123000+00:00"
    assert str(stored.session_id) == SESSION and stored.device_id == "dev-abc_123"
    assert stored.user is None and stored.ip == "198.51.100.4"
    assert stored.details == {"had_access_token": True, "from_other_tab": False}
    (line,) = audit_log()
    assert line.startswith("LOGOUT EVENT type=TOKEN_EXPIRED")
    for part in ('message="Refresh token expired"', "idle=1380s", "ip=198.51.100.4",
                 'ua="Mozilla/5.0 Test"', "device=dev-abc_123", f"session={SESSION}", "verified=false"):
        assert part in line


def test_only_type_is_required(api):
    assert post(api, {"type": "UNKNOWN"}).status_code == 201


def test_control_characters_cannot_break_the_log_line(api, audit_log):
    post(api, event(message="line one\r\nLOGOUT EVENT type=FAKE\x1b[31m\u2028end"),
         HTTP_USER_AGENT="ua\twith tab")

    (line,) = audit_log()
    assert "\n" not in line and "\r" not in line and "\x1b" not in line and "\u2028" not in line
    assert 'message="line one\\r\\nLOGOUT EVENT type=FAKE\\x1b[31m\\u2028end"' in line
    assert 'ua="ua\\twith tab"' in line
    assert LogoutEvent.objects.get().message.startswith("line one\r\n")


def test_event_with_a_valid_access_token_is_verified(signed_in, user):
    client, first = signed_in

    response = post(client, event(session_id=None), **bearer(first))

    assert response.json()["verified"] is True
    stored = LogoutEvent.objects.get(source="client")
    assert stored.user == user
    assert str(stored.session_id) == first.json()["session_id"]


def test_signed_out_browser_is_recognised_by_its_refresh_cookie(signed_in, user):
    client, first = signed_in
    raw = first.cookies[COOKIE].value
    client.post("/v1/auth/logout/", **AJAX)
    client.cookies[COOKIE] = raw

    response = post(client, event(type="USER_INITIATED"))

    assert response.json()["verified"] is True
    assert LogoutEvent.objects.get(source="client").user == user


@pytest.mark.parametrize("authorization", ["Bearer not-a-token", "Bearer a.b.c", "Basic abc"])
def test_invalid_credentials_leave_the_event_unverified(api, authorization):
    response = post(api, event(), HTTP_AUTHORIZATION=authorization)

    assert response.status_code == 201
    assert response.json()["verified"] is False


def test_unknown_refresh_cookie_leaves_the_event_unverified(api):
    api.cookies[COOKIE] = "made-up"

    assert post(api, event()).json()["verified"] is False


@pytest.mark.parametrize(
    "body, field",
    [
        (event(type="signed out by aliens"), "type"),
        (event(type=None), "type"),
        ({"message": "no type"}, "type"),
        (event(message=42), "message"),
        (event(message="x" * 501), "message"),
        (event(idle_seconds="12"), "idle_seconds"),
        (event(idle_seconds=True), "idle_seconds"),
        (event(idle_seconds=-1), "idle_seconds"),
        (event(idle_seconds=10**8 + 1), "idle_seconds"),
        (event(occurred_at="yesterday"), "occurred_at"),
        (event(occurred_at=1700000000), "occurred_at"),
        (event(device_id="has space"), "device_id"),
        (event(device_id=123), "device_id"),
        (event(session_id="not-a-uuid"), "session_id"),
        (event(session_id=5), "session_id"),
        (event(tab_id="x" * 65), "tab_id"),
        (event(route="https://evil.example/"), "route"),
        (event(details=[1, 2]), "details"),
        (event(details={"a": {"b": {"c": {"d": {"e": {"f": 1}}}}}}), "details"),
        (event(details={"big": "x" * 9000}), "details"),
        (event(details={"k": "nul\x00"}), "details"),
    ],
)
def test_invalid_fields_are_400_and_nothing_is_stored(api, body, field):
    response = post(api, body)

    assert response.status_code == 400
    assert response.json()["code"] == "invalid"
    assert field in response.json()["errors"]
    assert not LogoutEvent.objects.exists()


MALFORMED = [
    b"{not json", b"", b"[1, 2]", b'"text"', b"null", b'{"type": NaN}', b"\xff\xfe",
    b"[" * 5000 + b"]" * 5000,
    b'{"type": "UNKNOWN", "details": {"n": ' + b"9" * 5000 + b"}}",
    rb'{"type": "UNKNOWN", "message": "\ud800"}',
    rb'{"type": "UNKNOWN", "details": {"\udfff": 1}}',
    b'{"type": "UNKNOWN", "details": {"n": 1e400}}',
    b'{"type": "UNKNOWN", "occurred_at": "9999-12-31T23:59:59-23:59"}',
]


@pytest.mark.parametrize("raw", MALFORMED)
def test_malformed_bodies_are_400(api, raw):
    response = post(api, raw)

    assert response.status_code == 400
    assert response.json()["detail"]
    assert not LogoutEvent.objects.exists()


def test_oversized_body_is_413(api):
    response = post(api, event(message="x", details={"pad": "y" * 17000}))

    assert response.status_code == 413
    assert response.json()["code"] == "payload_too_large"
    assert not LogoutEvent.objects.exists()


def test_body_larger_than_its_content_length_claims_is_cut_off(api):
    body = json.dumps(event(details={"pad": "y" * 17000})).encode()

    response = api.generic("POST", URL, body, content_type="application/json", CONTENT_LENGTH="100", **AJAX)

    assert response.status_code == 400
    assert not LogoutEvent.objects.exists()


def test_unknown_keys_are_ignored(api):
    assert post(api, event(future_field={"x": 1})).status_code == 201


def test_route_keeps_only_the_path(api):
    post(api, event(route="/reset?token=secret#frag"))

    assert LogoutEvent.objects.get().route == "/reset"


def test_jwt_looking_strings_in_details_are_redacted(api):
    jwt_like = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl"

    post(api, event(details={"last_error": {"token": jwt_like}, "note": "ok"}))

    assert LogoutEvent.objects.get().details == {"last_error": {"token": "[redacted]"}, "note": "ok"}


def test_fractional_idle_seconds_are_rounded_down(api):
    post(api, event(idle_seconds=12.9))

    assert LogoutEvent.objects.get().idle_seconds == 12


def test_header_is_required(api):
    response = api.post(URL, event(), format="json")

    assert response.status_code == 403
    assert response.json()["code"] == "csrf_header_missing"


def test_events_are_rate_limited_per_ip(api, throttle_rates):
    throttle_rates(logout_event="3/min")

    statuses = [post(api, event(device_id=f"d{i}")).status_code for i in range(4)]

    assert statuses == [201, 201, 201, 429]
    assert LogoutEvent.objects.count() == 3
    assert post(APIClient(), event(device_id="elsewhere"), REMOTE_ADDR="192.0.2.9").status_code == 201

