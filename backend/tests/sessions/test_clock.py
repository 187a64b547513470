"""Token and session times follow the backend clock (authsessions.clock), not the host clock."""
from datetime import timedelta

import pytest

from logout_lens.sessions import clock
from conftest import bearer, login, refresh

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def real_clock_afterwards():
    yield
    clock.reset()


def test_access_token_expires_when_the_clock_passes_its_lifetime(signed_in):
    client, first = signed_in
    clock.advance(timedelta(minutes=59))
    assert client.get("/v1/auth/me/", **bearer(first)).status_code == 200

    clock.advance(timedelta(minutes=2))

    assert client.get("/v1/auth/me/", **bearer(first)).json()["code"] == "token_not_valid"


def test_session_expires_when_the_clock_passes_its_absolute_lifetime(signed_in):
    client, _ = signed_in
    clock.advance(timedelta(days=6, hours=23))
    assert refresh(client).status_code == 200

    clock.advance(timedelta(hours=2))

    assert refresh(client).json()["code"] == "refresh_expired"


def test_remember_me_session_survives_past_seven_days(api, user):
    login(api, remember_me=True)
    clock.advance(timedelta(days=19))

    assert refresh(api).status_code == 200
