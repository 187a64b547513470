import pytest
from rest_framework.test import APIClient

from logout_lens.sessions.models import RefreshToken, RevokeReason
from conftest import AJAX, COOKIE, bearer, login, refresh

pytestmark = pytest.mark.django_db


def test_logout_revokes_the_family_and_clears_the_cookie(signed_in):
    client, first = signed_in
    refresh(client)  # two tokens in the family now

    response = client.post("/v1/auth/logout/", **AJAX)

    assert response.status_code == 200
    assert response.json() == {"detail": "Signed out."}
    cookie = response.cookies[COOKIE]
    assert cookie.value == "" and cookie["max-age"] == 0 and cookie["path"] == "/v1/auth/"
    assert set(RefreshToken.objects.values_list("revoke_reason", flat=True)) == {RevokeReason.LOGOUT}


def test_logout_needs_no_access_token_and_is_idempotent(signed_in):
    client, first = signed_in
    raw = first.cookies[COOKIE].value

    assert client.post("/v1/auth/logout/", **AJAX).status_code == 200
    client.cookies[COOKIE] = raw
    assert client.post("/v1/auth/logout/", **AJAX).status_code == 200
    assert client.post("/v1/auth/logout/", **AJAX).status_code == 200  # no cookie at all


def test_logout_leaves_other_sessions_alone(signed_in, user):
    client, first = signed_in
    other = APIClient()
    login(other)

    client.post("/v1/auth/logout/", **AJAX)

    assert refresh(other).status_code == 200


def test_logout_requires_the_csrf_header(signed_in):
    client, _ = signed_in

    response = client.post("/v1/auth/logout/")

    assert response.status_code == 403
    assert response.json()["code"] == "csrf_header_missing"
    assert not RefreshToken.objects.exclude(revoked_at=None).exists()


def test_access_token_of_a_signed_out_session_is_refused(signed_in):
    client, first = signed_in
    client.post("/v1/auth/logout/", **AJAX)

    response = client.get("/v1/auth/me/", **bearer(first))

    assert response.status_code == 401
    assert response.json()["code"] == "session_revoked"
