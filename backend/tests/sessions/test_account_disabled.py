"""A deactivated account has its own code, record and sign-in error (not "another device")."""
import pytest
from rest_framework.test import APIClient

from logout_lens.audit.models import EventSource, LogoutEvent
from conftest import PASSWORD, bearer, login, refresh

pytestmark = pytest.mark.django_db


def deactivate(user):
    user.is_active = False
    user.save(update_fields=["is_active"])


def server_types(session_id):
    return list(
        LogoutEvent.objects.filter(source=EventSource.SERVER, session_id=session_id).values_list(
            "type", flat=True
        )
    )


def test_refresh_answers_account_disabled(signed_in, user):
    client, grant = signed_in
    deactivate(user)

    answer = refresh(client)

    assert answer.status_code == 401 and answer.json()["code"] == "account_disabled"
    assert "deactivated" in answer.json()["detail"]
    assert server_types(grant.json()["session_id"]) == ["ACCOUNT_DISABLED"]
    assert refresh(client).json()["code"] == "account_disabled"


def test_api_calls_answer_account_disabled(signed_in, user):
    client, grant = signed_in
    deactivate(user)

    answer = client.get("/v1/auth/me/", **bearer(grant))

    assert answer.status_code == 401 and answer.json()["code"] == "account_disabled"
    assert server_types(grant.json()["session_id"]) == ["ACCOUNT_DISABLED"]
    assert refresh(client).json()["code"] == "account_disabled"
    assert client.get("/v1/auth/me/", **bearer(grant)).json()["code"] == "account_disabled"
    assert server_types(grant.json()["session_id"]) == ["ACCOUNT_DISABLED"]


def test_signing_in_to_a_deactivated_account_says_so(api, user):
    deactivate(user)

    right = login(api)
    wrong = login(APIClient(), password="not-the-password-1")

    assert right.status_code == 401 and right.json()["code"] == "account_disabled"
    assert wrong.status_code == 401 and wrong.json()["code"] == "invalid_credentials"


def test_a_reactivated_account_signs_in_again(api, user):
    deactivate(user)
    user.is_active = True
    user.save(update_fields=["is_active"])

    assert login(api, password=PASSWORD).status_code == 200
