"""
Whatever a browser (or anyone) posts to logout-event/, the answer is 201 or a clear 4xx,
rejected input stores nothing, and the audit log line stays one escaped line.
"""
import json

import pytest
from hypothesis import given, strategies as st
from rest_framework.test import APIClient

from audit.models import LogoutEvent, LogoutType
from conftest import AJAX
from fuzz_strategies import (
    FUZZ,
    assert_clear_client_error,
    assert_single_line_logs,
    body_for,
    content_types,
    hostile_short_text,
    hostile_text,
    json_values,
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
