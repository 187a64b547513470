from datetime import timedelta

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from logout_lens.audit.models import EventSource, LogoutEvent
from conftest import bearer, login

pytestmark = pytest.mark.django_db

URL = "/v1/auth/logout-events/"


def record(user=None, **fields):
    return LogoutEvent.objects.create(
        type=fields.pop("type", "TOKEN_EXPIRED"), source=EventSource.CLIENT, user=user,
        verified=user is not None, **fields,
    )


@pytest.fixture
def trail(user, other_user):
    return {
        "mine": record(user, device_id="laptop"),
        "mine_idle": record(user, type="IDLE_TIMEOUT", device_id="phone"),
        "theirs": record(other_user, device_id="desk"),
        "anonymous": record(None, device_id="kiosk"),
    }


def ids(response):
    return [item["id"] for item in response.json()["results"]]


def signed_in_as(email):
    client = APIClient()
    return client, bearer(login(client, email=email))


def test_a_user_sees_only_their_own_events_newest_first(trail):
    client, auth = signed_in_as("dana@example.com")

    response = client.get(URL, **auth)

    assert response.status_code == 200
    assert ids(response) == [trail["mine_idle"].id, trail["mine"].id]
    assert response.json()["count"] == 2
    item = response.json()["results"][0]
    assert item["user"] == {"id": str(trail["mine_idle"].user_id), "email": "dana@example.com"}
    assert {"type", "source", "message", "idle_seconds", "client_time", "server_time", "ip",
            "user_agent", "device_id", "session_id", "verified", "details"} <= set(item)


def test_a_user_cannot_widen_their_view_with_filters(trail, other_user):
    client, auth = signed_in_as("dana@example.com")

    assert ids(client.get(URL, {"user": other_user.email}, **auth)) == []
    assert ids(client.get(URL, {"device_id": "phone"}, **auth)) == [trail["mine_idle"].id]


def test_staff_see_everyone_and_can_filter(trail, staff_user, user):
    client, auth = signed_in_as("sam@example.com")

    assert len(ids(client.get(URL, **auth))) == 4
    assert ids(client.get(URL, {"user": "DANA@example.com"}, **auth)) == [trail["mine_idle"].id, trail["mine"].id]
    assert ids(client.get(URL, {"user": str(user.pk), "type": "TOKEN_EXPIRED"}, **auth)) == [trail["mine"].id]
    assert ids(client.get(URL, {"device_id": "kiosk"}, **auth)) == [trail["anonymous"].id]


def test_filter_by_session_and_time(staff_user, user):
    session = "6f1c2a9e-3b4d-4c5e-8f70-1a2b3c4d5e6f"
    old = record(user, session_id=session)
    LogoutEvent.objects.filter(pk=old.pk).update(server_time=timezone.now() - timedelta(days=3))
    new = record(user, session_id=session)
    record(user)
    client, auth = signed_in_as("sam@example.com")
    since = (timezone.now() - timedelta(days=1)).isoformat()

    assert ids(client.get(URL, {"session_id": session}, **auth))[-2:] == [new.id, old.id]
    assert old.id not in ids(client.get(URL, {"since": since}, **auth))
    assert ids(client.get(URL, {"until": since}, **auth)) == [old.id]


@pytest.mark.parametrize("params", [{"since": "last week"}, {"type": "NOPE"}, {"session_id": "x"}])
def test_bad_filters_are_400(staff_user, params):
    client, auth = signed_in_as("sam@example.com")

    response = client.get(URL, params, **auth)

    assert response.status_code == 400
    assert response.json()["code"] == "invalid"


def test_listing_is_paginated(staff_user):
    LogoutEvent.objects.bulk_create(
        [LogoutEvent(type="UNKNOWN", source="client") for _ in range(205)]
    )
    client, auth = signed_in_as("sam@example.com")

    first = client.get(URL, **auth).json()
    assert first["count"] == 205 and len(first["results"]) == 50 and first["next"]
    assert len(client.get(URL, {"limit": 1000}, **auth).json()["results"]) == 200
    assert len(client.get(URL, {"limit": 10, "offset": 200}, **auth).json()["results"]) == 5


def test_listing_needs_an_access_token(api):
    assert api.get(URL).status_code == 401
