from datetime import timedelta

import pytest
from rest_framework.test import APIClient

from logout_lens.sessions import clock
from logout_lens.settings import api_settings


pytestmark = [pytest.mark.django_db, pytest.mark.urls("testhooks.tests.urls")]


@pytest.fixture
def hooks():
    yield APIClient()
    APIClient().post("/v1/test/reset/")


def test_config_sets_lifetimes_and_reset_restores_them(hooks):
    assert hooks.post("/v1/test/config/", {"access_token_lifetime": 5}, format="json").status_code == 200
    assert api_settings.ACCESS_TOKEN_LIFETIME == timedelta(seconds=5)

    assert hooks.post("/v1/test/reset/").status_code == 200
    assert api_settings.ACCESS_TOKEN_LIFETIME == timedelta(hours=1)


def test_clock_moves_forward_only_and_resets(hooks):
    before = clock.now()
    assert hooks.post("/v1/test/clock/", {"advance_seconds": 3600}, format="json").status_code == 200
    assert clock.now() - before >= timedelta(hours=1)
    assert hooks.post("/v1/test/clock/", {"advance_seconds": -5}, format="json").status_code == 400

    hooks.post("/v1/test/reset/")
    assert clock.offset() == timedelta(0)


def test_bad_lifetime_is_refused(hooks):
    response = hooks.post("/v1/test/config/", {"access_token_lifetime": "soon"}, format="json")
    assert response.status_code == 400


def test_date_header_follows_the_moved_clock(hooks, settings):
    from email.utils import parsedate_to_datetime

    settings.MIDDLEWARE = ["testhooks.middleware.ServerClockDateMiddleware", *settings.MIDDLEWARE]
    hooks.post("/v1/test/clock/", {"advance_seconds": 7200}, format="json")

    response = hooks.get("/v1/test/health/")

    assert abs((parsedate_to_datetime(response["Date"]) - clock.now()).total_seconds()) < 2


def test_user_active_deactivates_and_reset_restores_the_demo_accounts(hooks):
    from django.contrib.auth import get_user_model

    hooks.post("/v1/test/reset/")
    answer = hooks.post(
        "/v1/test/user-active/", {"email": "demo@example.com", "is_active": False}, format="json"
    )
    assert answer.status_code == 200
    assert not get_user_model().objects.get(email="demo@example.com").is_active

    hooks.post("/v1/test/reset/")

    assert get_user_model().objects.get(email="demo@example.com").is_active


def test_a_restarted_server_starts_on_the_clock_it_was_given(monkeypatch):
    from testhooks.apps import start_clock

    monkeypatch.setenv("LL_TEST_CLOCK_OFFSET_SECONDS", "7200")
    try:
        start_clock()
        assert clock.offset() == timedelta(hours=2)
        monkeypatch.setenv("LL_TEST_CLOCK_OFFSET_SECONDS", "-1")
        with pytest.raises(ValueError):
            start_clock()
    finally:
        clock.reset()


def test_without_an_offset_the_server_starts_on_the_real_clock(monkeypatch):
    from testhooks.apps import start_clock

    monkeypatch.delenv("LL_TEST_CLOCK_OFFSET_SECONDS", raising=False)
    clock.advance(timedelta(seconds=30))
    start_clock()
    assert clock.offset() == timedelta(0)


def test_config_sets_the_recovery_window_in_seconds(hooks):
    assert hooks.post("/v1/test/config/", {"refresh_recovery_seconds": 0}, format="json").status_code == 200
    assert api_settings.REFRESH_RECOVERY_SECONDS == 0

    hooks.post("/v1/test/reset/")
    assert api_settings.REFRESH_RECOVERY_SECONDS == 3600
