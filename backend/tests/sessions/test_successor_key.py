"""Rotating the access-token signing key signs out no tab inside its refresh grace window."""
import pytest
from rest_framework.test import APIClient

from logout_lens.sessions.tokens import successor_value
from conftest import AJAX, COOKIE, login, refresh

pytestmark = pytest.mark.django_db

NEW_SIGNING_KEY = "a-freshly-rotated-signing-key-0123456789abcdef"


def test_a_racing_tab_keeps_its_session_across_a_signing_key_rotation(api, user, ll_settings):
    first = login(api)
    original = first.cookies[COOKIE].value
    successor = refresh(api).cookies[COOKIE].value

    ll_settings(SIGNING_KEY=NEW_SIGNING_KEY)
    racing_tab = APIClient()
    racing_tab.cookies[COOKIE] = original
    again = racing_tab.post("/v1/auth/refresh/", **AJAX)

    assert again.status_code == 200
    assert again.cookies[COOKIE].value == successor
    assert racing_tab.post("/v1/auth/refresh/", **AJAX).status_code == 200



def test_the_successor_key_is_what_derives_successors(ll_settings):
    ll_settings(REFRESH_SUCCESSOR_KEY="successor-key-one-0123456789abcdefghij")
    one = successor_value("parent-token")
    ll_settings(SIGNING_KEY=NEW_SIGNING_KEY)
    assert successor_value("parent-token") == one

    ll_settings(REFRESH_SUCCESSOR_KEY="successor-key-two-0123456789abcdefghij")
    assert successor_value("parent-token") != one
