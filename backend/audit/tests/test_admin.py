import pytest
from django.test import Client

from audit.models import LogoutEvent
from authsessions.models import RefreshToken
from conftest import AJAX, login

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client_with_data(admin_user, user, api):
    login(api)
    api.post("/v1/auth/logout/", **AJAX)
    client = Client()
    client.force_login(admin_user)
    return client


@pytest.mark.parametrize(
    "url",
    [
        "/admin/authsessions/refreshtoken/",
        "/admin/authsessions/refreshtoken/?revoke_reason__exact=logout&q=dana",
        "/admin/audit/logoutevent/",
        "/admin/audit/logoutevent/?type__exact=USER_INITIATED&verified__exact=1&q=dana",
    ],
)
def test_admin_lists_render_without_token_hashes(admin_client_with_data, url):
    response = admin_client_with_data.get(url)

    assert response.status_code == 200
    assert RefreshToken.objects.get().token_hash not in response.content.decode()


def test_admin_detail_pages_are_read_only(admin_client_with_data):
    token = RefreshToken.objects.get()
    event = LogoutEvent.objects.get()

    token_page = admin_client_with_data.get(f"/admin/authsessions/refreshtoken/{token.pk}/change/")
    event_page = admin_client_with_data.get(f"/admin/audit/logoutevent/{event.pk}/change/")

    assert token_page.status_code == 200 and event_page.status_code == 200
    assert token.token_hash not in token_page.content.decode()
    assert b'type="submit" value="Save"' not in token_page.content


def test_admin_can_revoke_a_session(admin_user, user, api):
    login(api)
    token = RefreshToken.objects.get()
    client = Client()
    client.force_login(admin_user)

    response = client.post(
        "/admin/authsessions/refreshtoken/",
        {"action": "revoke_sessions", "_selected_action": [str(token.pk)]},
    )

    assert response.status_code == 302
    token.refresh_from_db()
    assert token.revoke_reason == "revoked"
    assert LogoutEvent.objects.get().type == "SESSION_REVOKED"
