import pytest
from rest_framework.test import APIClient

from authsessions.models import RefreshToken, RevokeReason
from conftest import AJAX, COOKIE, PASSWORD, bearer, login, refresh

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "a-much-better-passphrase-42"


def change(client, grant, current=PASSWORD, new=NEW_PASSWORD):
    return client.post(
        "/v1/auth/change-password/",
        {"current_password": current, "new_password": new},
        format="json",
        **bearer(grant),
    )


def test_change_password_revokes_every_session_of_the_user(signed_in, user, other_user):
    client, first = signed_in
    laptop = APIClient()
    login(laptop)
    refresh(laptop)
    bystander = APIClient()
    login(bystander, email="omar@example.com")

    response = change(client, first)

    assert response.status_code == 200
    assert response.cookies[COOKIE]["max-age"] == 0
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
    assert set(
        RefreshToken.objects.filter(user=user).values_list("revoke_reason", flat=True)
    ) == {RevokeReason.PASSWORD_CHANGED}
    assert refresh(laptop).json()["code"] == "password_changed"
    assert refresh(bystander).status_code == 200
    assert login(APIClient(), password=NEW_PASSWORD).status_code == 200


def test_old_cookie_after_password_change_answers_password_changed(signed_in):
    client, first = signed_in
    raw = first.cookies[COOKIE].value
    change(client, first)
    client.cookies[COOKIE] = raw

    response = client.post("/v1/auth/refresh/", **AJAX)

    assert response.status_code == 401
    assert response.json()["code"] == "password_changed"


def test_wrong_current_password_changes_nothing(signed_in, user):
    client, first = signed_in

    response = change(client, first, current="not-it")

    assert response.status_code == 400
    assert "current_password" in response.json()["errors"]
    assert not RefreshToken.objects.exclude(revoked_at=None).exists()


@pytest.mark.parametrize("weak", ["short", "12345678901", "password123"])
def test_new_password_must_pass_the_validators(signed_in, weak):
    client, first = signed_in

    response = change(client, first, new=weak)

    assert response.status_code == 400
    assert "new_password" in response.json()["errors"]


def test_change_password_needs_an_access_token(api, user):
    response = api.post("/v1/auth/change-password/", {}, format="json")

    assert response.status_code == 401
