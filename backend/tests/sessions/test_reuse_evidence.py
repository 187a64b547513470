"""
A rotated refresh token presented again after the grace window: a lost answer retried by the
same browser keeps the session; otherwise the session ends as reuse, and the server says from
its evidence (same client or not, how long after the rotation) whether it was likely a race
between this browser's own requests or a stolen cookie.
"""
import logging
from datetime import timedelta

import pytest
from rest_framework.test import APIClient

from logout_lens.audit.models import EventSource, LogoutEvent
from logout_lens.sessions.models import RefreshToken
from conftest import AJAX, COOKIE, login

pytestmark = pytest.mark.django_db

BROWSER = {"REMOTE_ADDR": "192.0.2.10", "HTTP_USER_AGENT": "Firefox 140 on Windows"}
THIEF = {"REMOTE_ADDR": "198.51.100.66", "HTTP_USER_AGENT": "curl/8.5"}


def present(raw, **client):
    api = APIClient()
    api.cookies[COOKIE] = raw
    return api.post("/v1/auth/refresh/", **AJAX, **client)


def rotated_seconds_ago(seconds):
    RefreshToken.objects.exclude(rotated_at=None).update(
        rotated_at=RefreshToken.objects.exclude(rotated_at=None).first().rotated_at - timedelta(seconds=seconds)
    )


@pytest.fixture
def rotated(user):
    """A session whose sign-in token was rotated by this browser: (sign-in token, successor)."""
    browser = APIClient()
    first = login(browser, **BROWSER)
    original = first.cookies[COOKIE].value
    successor = present(original, **BROWSER).cookies[COOKIE].value
    return original, successor


def server_reuse_record():
    return LogoutEvent.objects.get(source=EventSource.SERVER, type="TOKEN_REUSE_DETECTED")


def test_a_lost_answer_retried_by_the_same_browser_keeps_the_session(rotated):
    original, successor = rotated
    rotated_seconds_ago(45)

    retry = present(original, **BROWSER)

    assert retry.status_code == 200
    assert retry.cookies[COOKIE].value == successor
    assert present(successor, **BROWSER).status_code == 200


def test_a_stolen_cookie_replayed_after_the_grace_window_is_called_theft(rotated, caplog):
    original, successor = rotated
    rotated_seconds_ago(45)
    caplog.set_level(logging.INFO)

    replay = present(original, **THIEF)

    assert replay.status_code == 401
    assert replay.json()["code"] == "refresh_reused" and replay.json()["reuse"] == "likely_theft"
    evidence = server_reuse_record().details["reuse"]
    assert evidence["verdict"] == "likely_theft"
    assert evidence["same_ip"] is False and evidence["same_user_agent"] is False
    assert 44 <= evidence["seconds_after_rotation"] <= 47
    alerts = [r for r in caplog.records if r.name == "logoutlens.security" and r.levelno >= logging.ERROR]
    assert len(alerts) == 1 and "likely_theft" in alerts[0].getMessage()
    assert original not in alerts[0].getMessage() and successor not in alerts[0].getMessage()
    # The browser the session belonged to learns the same verdict at its next refresh.
    legit = present(successor, **BROWSER)
    assert legit.json()["code"] == "refresh_reused" and legit.json()["reuse"] == "likely_theft"


def test_the_same_browser_presenting_a_token_the_session_moved_past_is_called_a_race(rotated, caplog):
    original, successor = rotated
    present(successor, **BROWSER)  # the session moved on: the successor was rotated too
    rotated_seconds_ago(45)
    caplog.set_level(logging.INFO)

    late = present(original, **BROWSER)

    assert late.status_code == 401 and late.json()["reuse"] == "likely_race"
    assert server_reuse_record().details["reuse"]["verdict"] == "likely_race"
    warnings = [r for r in caplog.records if r.name == "logoutlens.security"]
    assert [r.levelno for r in warnings] == [logging.WARNING]


def test_a_retry_past_the_recovery_window_is_reuse(rotated, ll_settings):
    ll_settings(REFRESH_RECOVERY_SECONDS=60)
    original, _ = rotated
    rotated_seconds_ago(61)

    late = present(original, **BROWSER)

    assert late.status_code == 401 and late.json()["reuse"] == "likely_race"
