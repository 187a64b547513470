"""
Whatever a client sends to login/, refresh/ and change-password/ (malformed, oversized,
wrong-typed or hostile), the answer is a clear 4xx, nothing is stored and the logs stay
one line per record. A body over 16 KB is refused with 413 by every JSON endpoint.
"""
import pytest
from django.contrib.auth import get_user_model
from hypothesis import given, settings as hypothesis_settings, strategies as st
from rest_framework.test import APIClient

from logout_lens.audit.models import LogoutEvent
from logout_lens.sessions.models import RefreshToken
from conftest import AJAX, PASSWORD, bearer
from fuzz_strategies import (
    FUZZ,
    assert_clear_client_error,
    assert_single_line_logs,
    body_for,
    content_types,
    hostile_text,
    oversized_bodies,
)

pytestmark = pytest.mark.django_db


def stored_rows():
    return (RefreshToken.objects.count(), LogoutEvent.objects.count(), get_user_model().objects.count())


@FUZZ
@given(body=body_for(("email", "password", "remember_me", "device_id")), content_type=content_types)
def test_login_rejects_anything_malformed(user, caplog, body, content_type):
    before = stored_rows()
    caplog.clear()

    response = APIClient().post("/v1/auth/login/", body, content_type=content_type)

    assert_clear_client_error(response)
    assert "ll_refresh" not in response.cookies
    assert stored_rows() == before
    assert_single_line_logs(caplog.records)


@FUZZ
@given(email=hostile_text, password=hostile_text, device_id=hostile_text, user_agent=hostile_text)
def test_login_with_hostile_strings_in_every_field(user, caplog, email, password, device_id, user_agent):
    before = stored_rows()
    caplog.clear()
    body = {"email": email, "password": password, "device_id": device_id, "remember_me": True}

    user_agent = user_agent.encode("latin-1", "ignore").decode("latin-1")

    response = APIClient().post("/v1/auth/login/", body, format="json", HTTP_USER_AGENT=user_agent)

    assert_clear_client_error(response)
    assert stored_rows() == before
    assert_single_line_logs(caplog.records)


@FUZZ
@given(user_agent=hostile_text.map(lambda s: s.encode("latin-1", "ignore").decode("latin-1")))
def test_login_stores_any_user_agent_safely(user, user_agent):
    response = APIClient().post(
        "/v1/auth/login/",
        {"email": "dana@example.com", "password": PASSWORD, "device_id": "dev-1"},
        format="json",
        HTTP_USER_AGENT=user_agent + "\x00",
    )

    assert response.status_code == 200, response.content
    stored = RefreshToken.objects.get(family=response.json()["session_id"]).user_agent
    assert "\x00" not in stored and len(stored) <= 512


cookie_text = st.text(
    alphabet=st.characters(min_codepoint=33, max_codepoint=126, blacklist_characters=';,"\\'), max_size=80
) | st.integers(300, 5000).map(lambda n: "A" * n)


@FUZZ
@given(cookie=st.none() | cookie_text, body=body_for(("refresh",)), content_type=content_types)
def test_refresh_refuses_forged_cookies_and_ignores_bodies(caplog, cookie, body, content_type):
    client = APIClient()
    if cookie is not None:
        client.cookies["ll_refresh"] = cookie
    before = stored_rows()
    caplog.clear()

    response = client.post("/v1/auth/refresh/", body, content_type=content_type, **AJAX)

    assert response.status_code in (401, 413, 415), response.content
    assert_clear_client_error(response)
    assert stored_rows() == before
    assert_single_line_logs(caplog.records)


@pytest.fixture
def password_hash(user):
    return user.password


@FUZZ
@given(body=body_for(("current_password", "new_password")), content_type=content_types)
def test_change_password_rejects_anything_malformed(signed_in, user, password_hash, caplog, body, content_type):
    client, grant = signed_in
    before = stored_rows()
    caplog.clear()

    response = client.post("/v1/auth/change-password/", body, content_type=content_type, **bearer(grant))

    assert_clear_client_error(response)
    assert stored_rows() == before
    user.refresh_from_db()
    assert user.password == password_hash
    assert RefreshToken.objects.filter(revoked_at__isnull=False).count() == 0
    assert_single_line_logs(caplog.records)


@FUZZ
@given(new_password=hostile_text)
def test_change_password_with_a_wrong_current_password_changes_nothing(signed_in, user, password_hash, caplog, new_password):
    client, grant = signed_in
    before = stored_rows()
    caplog.clear()
    body = {"current_password": PASSWORD + "x", "new_password": new_password}

    response = client.post("/v1/auth/change-password/", body, format="json", **bearer(grant))

    assert_clear_client_error(response)
    assert stored_rows() == before
    user.refresh_from_db()
    assert user.password == password_hash
    assert_single_line_logs(caplog.records)


JSON_ENDPOINTS = [
    "/v1/auth/login/",
    "/v1/auth/refresh/",
    "/v1/auth/logout/",
    "/v1/auth/change-password/",
    "/v1/auth/logout-event/",
]


# A small space (endpoint x shape x content type; the size barely matters): a smaller budget.
@hypothesis_settings(FUZZ, max_examples=20)
@given(url=st.sampled_from(JSON_ENDPOINTS), body=oversized_bodies, content_type=content_types)
def test_every_json_endpoint_refuses_oversized_bodies(signed_in, user, password_hash, caplog, url, body, content_type):
    client, grant = signed_in
    before = stored_rows()
    revoked = RefreshToken.objects.filter(revoked_at__isnull=False).count()
    caplog.clear()

    response = client.post(url, body, content_type=content_type, **AJAX, **bearer(grant))

    assert response.status_code == 413, (url, response.status_code, response.content[:300])
    assert response.json()["code"] == "payload_too_large"
    assert stored_rows() == before
    assert RefreshToken.objects.filter(revoked_at__isnull=False).count() == revoked
    user.refresh_from_db()
    assert user.password == password_hash
    assert_single_line_logs(caplog.records)
