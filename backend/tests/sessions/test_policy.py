"""The session policy, as clients read it: on its own endpoint and in every grant."""
from datetime import timedelta

import pytest

from conftest import login, refresh

pytestmark = pytest.mark.django_db

DAY = 86400


def test_the_policy_endpoint_states_the_lifetimes_before_anyone_signs_in(api):
    response = api.get("/v1/auth/policy/")

    assert response.status_code == 200
    assert response.json() == {"access_seconds": 3600, "remember_me_seconds": 20 * DAY, "standard_seconds": 7 * DAY}


def test_a_project_s_own_lifetimes_are_what_it_states(api, ll_settings):
    ll_settings(REFRESH_TOKEN_LIFETIME=timedelta(days=3), REFRESH_TOKEN_LIFETIME_REMEMBER_ME=timedelta(days=30))

    body = api.get("/v1/auth/policy/").json()

    assert (body["standard_seconds"], body["remember_me_seconds"]) == (3 * DAY, 30 * DAY)


def test_sign_in_and_refresh_answers_carry_the_policy(api, user):
    signed_in = login(api, remember_me=True)
    renewed = refresh(api)

    for answer in (signed_in, renewed):
        assert answer.status_code == 200
        assert answer.json()["session_policy"] == {
            "access_seconds": 3600, "remember_me_seconds": 20 * DAY, "standard_seconds": 7 * DAY,
        }
