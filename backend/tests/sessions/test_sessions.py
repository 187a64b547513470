import uuid

import pytest
from rest_framework.test import APIClient

from logout_lens.sessions.models import RefreshToken
from conftest import bearer, login, refresh

pytestmark = pytest.mark.django_db


def sign_in_elsewhere(**extra):
    client = APIClient()
    response = login(client, **extra)
    return client, response


def test_sessions_lists_live_sessions_with_the_current_one_marked(signed_in):
    client, first = signed_in
    phone, phone_login = sign_in_elsewhere(device_id="phone-7", remember_me=True, HTTP_USER_AGENT="Phone")
    refresh(phone)
    gone, _ = sign_in_elsewhere()
    gone.post("/v1/auth/logout/", HTTP_X_REQUESTED_WITH="XMLHttpRequest")

    response = client.get("/v1/auth/sessions/", **bearer(first))

    assert response.status_code == 200
    sessions = {s["id"]: s for s in response.json()}
    assert set(sessions) == {first.json()["session_id"], phone_login.json()["session_id"]}
    mine = sessions[first.json()["session_id"]]
    assert mine["current"] is True and mine["device_id"] == "device-1"
    theirs = sessions[phone_login.json()["session_id"]]
    assert theirs["current"] is False and theirs["remember_me"] is True
    assert theirs["device_id"] == "phone-7"
    assert set(theirs) == {
        "id", "device_id", "user_agent", "ip", "created_at", "last_used_at", "expires_at",
        "remember_me", "current",
    }
    root = RefreshToken.objects.get(family=theirs["id"], parent=None)
    assert theirs["created_at"] == root.created_at.isoformat().replace("+00:00", "Z")


def test_revoking_a_session_signs_that_browser_out(signed_in):
    client, first = signed_in
    phone, phone_login = sign_in_elsewhere()

    response = client.delete(f"/v1/auth/sessions/{phone_login.json()['session_id']}/", **bearer(first))

    assert response.status_code == 204
    assert refresh(phone).json()["code"] == "refresh_revoked"
    assert phone.get("/v1/auth/me/", **bearer(phone_login)).json()["code"] == "session_revoked"
    assert refresh(client).status_code == 200


def test_another_users_session_is_404(signed_in, other_user):
    client, first = signed_in
    _, theirs = sign_in_elsewhere(email="omar@example.com")

    response = client.delete(f"/v1/auth/sessions/{theirs.json()['session_id']}/", **bearer(first))

    assert response.status_code == 404
    assert response.json()["code"] == "not_found"
    assert not RefreshToken.objects.exclude(revoked_at=None).exists()


def test_unknown_session_is_404(signed_in):
    client, first = signed_in

    assert client.delete(f"/v1/auth/sessions/{uuid.uuid4()}/", **bearer(first)).status_code == 404


def test_sign_out_every_other_session(signed_in):
    client, first = signed_in
    phone, _ = sign_in_elsewhere()
    tablet, _ = sign_in_elsewhere()

    response = client.delete("/v1/auth/sessions/?others=1", **bearer(first))

    assert response.status_code == 204
    assert refresh(phone).status_code == 401 and refresh(tablet).status_code == 401
    assert refresh(client).status_code == 200


def test_bulk_delete_needs_the_others_flag(signed_in):
    client, first = signed_in

    assert client.delete("/v1/auth/sessions/", **bearer(first)).status_code == 400
    assert refresh(client).status_code == 200


def test_sessions_need_an_access_token(api):
    assert api.get("/v1/auth/sessions/").status_code == 401
