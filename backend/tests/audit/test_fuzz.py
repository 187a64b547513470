"""
Whatever a browser (or anyone) posts to logout-event/, the answer is 201 or a clear 4xx,
rejected input stores nothing, the audit log line stays one escaped line, and no token
embedded in the event is stored. Whatever the audit trail's query string, no 5xx.
"""
import json

import pytest
from hypothesis import given, strategies as st
from rest_framework.test import APIClient

from logout_lens.audit.models import LogoutEvent, LogoutType
from conftest import AJAX, bearer, login
from fuzz_strategies import (
    FUZZ,
    assert_clear_client_error,
    assert_single_line_logs,
    bearer_credentials,
    body_for,
    content_types,
    hostile_short_text,
    hostile_text,
    json_values,
    jwt_like,
    query_values,
)

pytestmark = pytest.mark.django_db

FIELDS = ("message", "idle_seconds", "occurred_at", "device_id", "session_id", "tab_id", "route", "details")
event_like = st.fixed_dictionaries(
    {"type": st.sampled_from([t.value for t in LogoutType]) | json_values},
    optional={name: json_values for name in FIELDS},
)
bodies = st.one_of(event_like.map(json.dumps).map(str.encode), body_for(("type", *FIELDS)))


def post_event(body, content_type="application/json", **extra):
    return APIClient().post("/v1/auth/logout-event/", body, content_type=content_type, **{**AJAX, **extra})


def assert_stored_only_if_accepted(response, before):
    if response.status_code == 201:
        assert LogoutEvent.objects.count() == before + 1
        assert set(response.json()) == {"id", "verified", "session_revoked"}
    else:
        assert_clear_client_error(response)
        assert LogoutEvent.objects.count() == before


@FUZZ
@given(body=bodies, content_type=content_types, bearer=st.none() | st.text(max_size=40))
def test_logout_event_accepts_or_clearly_refuses_anything(caplog, body, content_type, bearer):
    extra = {}
    if bearer is not None:
        extra["HTTP_AUTHORIZATION"] = "Bearer " + bearer.encode("ascii", "ignore").decode()
    before = LogoutEvent.objects.count()
    caplog.clear()

    response = post_event(body, content_type, **extra)

    assert_stored_only_if_accepted(response, before)
    assert_single_line_logs(caplog.records)


@FUZZ
@given(
    message=hostile_short_text,
    route=hostile_short_text.map(lambda s: "/" + s),
    device_id=st.sampled_from(["dev-1", "", "tab_9-x"]),
    user_agent=hostile_text.map(lambda s: s.encode("latin-1", "ignore").decode("latin-1")),
)
def test_hostile_text_in_an_accepted_event_is_logged_on_one_line(caplog, message, route, device_id, user_agent):
    body = json.dumps({"type": "USER_INITIATED", "message": message, "route": route, "device_id": device_id})
    before = LogoutEvent.objects.count()
    caplog.clear()

    response = post_event(body.encode(), HTTP_USER_AGENT=user_agent)

    assert_stored_only_if_accepted(response, before)
    assert_single_line_logs(caplog.records)
    if response.status_code == 201:
        audit_lines = [r.getMessage() for r in caplog.records if r.name == "logoutlens.audit"]
        assert len(audit_lines) == 1 and audit_lines[0].startswith("LOGOUT EVENT ")


FILTER_NAMES = ("user", "device_id", "type", "session_id", "since", "until", "limit", "offset")


@pytest.fixture
def viewers(user, staff_user):
    """Access-token headers of an ordinary user and of a staff member."""
    grants = {}
    for name, email in (("user", "dana@example.com"), ("staff", "sam@example.com")):
        grants[name] = bearer(login(APIClient(), email=email))
    LogoutEvent.objects.create(type="UNKNOWN", source="client", user=user, verified=True)
    return grants


@FUZZ
@given(
    params=st.fixed_dictionaries({}, optional={name: query_values for name in FILTER_NAMES})
    | st.dictionaries(hostile_short_text, query_values, max_size=3),
    viewer=st.sampled_from(["user", "staff"]),
)
def test_audit_trail_query_parameters_never_fail_the_server(viewers, params, viewer):
    response = APIClient().get("/v1/auth/logout-events/", params, **viewers[viewer])

    assert response.status_code in (200, 400), (params, response.status_code, response.content[:300])
    if response.status_code == 400:
        assert_clear_client_error(response)
    else:
        assert isinstance(response.json()["results"], list)


def stored_texts(event):
    """Every string of an event a client wrote: message, route, details keys and values."""
    pending, texts = [event.details], [event.message, event.route]
    while pending:
        value = pending.pop()
        if isinstance(value, dict):
            texts.extend(value)
            pending.extend(value.values())
        elif isinstance(value, list):
            pending.extend(value)
        elif isinstance(value, str):
            texts.append(value)
    return texts


def _placed(where, text):
    return {
        "message": {"message": text},
        "route": {"route": "/" + text},
        "details value": {"details": {"error": {"headers": [text]}}},
        "details key": {"details": {text: True}},
    }[where]


@FUZZ
@given(
    secret=jwt_like | bearer_credentials,
    before=hostile_short_text,
    after=hostile_short_text,
    where=st.sampled_from(["message", "route", "details value", "details key"]),
)
def test_tokens_embedded_in_an_event_are_never_stored_raw(caplog, secret, before, after, where):
    body = json.dumps({"type": "AUTH_ERROR", **_placed(where, before + secret + after)})
    caplog.clear()

    response = post_event(body.encode())

    assert response.status_code in (201, 400), response.content[:300]
    for event in LogoutEvent.objects.all():
        for text in stored_texts(event):
            assert secret not in text, (where, secret, text[:300])
    assert not any(secret in record.getMessage() for record in caplog.records)
