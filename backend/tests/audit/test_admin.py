import pytest
from django.test import Client

from logout_lens.audit.models import LogoutEvent
from logout_lens.sessions.models import RefreshToken, Session
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
        "/admin/logout_lens_sessions/refreshtoken/",
        "/admin/logout_lens_sessions/refreshtoken/?revoke_reason__exact=logout&q=dana",
        "/admin/logout_lens_audit/logoutevent/",
        "/admin/logout_lens_audit/logoutevent/?type__exact=USER_INITIATED&verified__exact=1&q=dana",
    ],
)
def test_admin_lists_render_without_token_hashes(admin_client_with_data, url):
    response = admin_client_with_data.get(url)

    assert response.status_code == 200
    assert RefreshToken.objects.get().token_hash not in response.content.decode()


def test_admin_detail_pages_are_read_only(admin_client_with_data):
    token = RefreshToken.objects.get()
    event = LogoutEvent.objects.get()

    token_page = admin_client_with_data.get(f"/admin/logout_lens_sessions/refreshtoken/{token.pk}/change/")
    event_page = admin_client_with_data.get(f"/admin/logout_lens_audit/logoutevent/{event.pk}/change/")

    assert token_page.status_code == 200 and event_page.status_code == 200
    assert token.token_hash not in token_page.content.decode()
    assert b'type="submit" value="Save"' not in token_page.content


def test_admin_can_revoke_a_session(admin_user, user, api):
    login(api)
    token = RefreshToken.objects.get()
    client = Client()
    client.force_login(admin_user)

    response = client.post(
        "/admin/logout_lens_sessions/refreshtoken/",
        {"action": "revoke_sessions", "_selected_action": [str(token.pk)]},
    )

    assert response.status_code == 302
    token.refresh_from_db()
    assert token.revoke_reason == "revoked"
    assert LogoutEvent.objects.get().type == "SESSION_REVOKED"


def staff_with(django_user_model, *codenames):
    from django.contrib.auth.models import Permission

    staff = django_user_model.objects.create_user("helpdesk", "helpdesk@example.com", "x-pass-123", is_staff=True)
    staff.user_permissions.set(Permission.objects.filter(codename__in=codenames))
    client = Client()
    client.force_login(staff)
    return client


@pytest.mark.parametrize("changelist", ["/admin/logout_lens_sessions/session/", "/admin/logout_lens_sessions/refreshtoken/"])
def test_revoking_sessions_needs_change_permission(django_user_model, user, api, changelist):
    login(api)
    selected = str(Session.objects.get().pk) if "session/" in changelist else str(RefreshToken.objects.get().pk)
    viewer = staff_with(django_user_model, "view_session", "view_refreshtoken")

    response = viewer.post(changelist, {"action": "revoke_sessions", "_selected_action": [selected]})

    assert Session.objects.get().revoked_at is None
    assert not LogoutEvent.objects.exists()
    assert b"revoke_sessions" not in viewer.get(changelist).content

    editor = staff_with_more(django_user_model)
    response = editor.post(changelist, {"action": "revoke_sessions", "_selected_action": [selected]})

    assert response.status_code == 302
    assert Session.objects.get().revoke_reason == "revoked"
    assert LogoutEvent.objects.get().type == "SESSION_REVOKED"


def staff_with_more(django_user_model):
    from django.contrib.auth.models import Permission

    editor = django_user_model.objects.create_user("security", "security@example.com", "x-pass-123", is_staff=True)
    editor.user_permissions.set(
        Permission.objects.filter(
            codename__in=["view_session", "change_session", "view_refreshtoken", "change_refreshtoken"]
        )
    )
    client = Client()
    client.force_login(editor)
    return client


def test_audit_records_cannot_be_deleted_in_the_admin(admin_client_with_data):
    event = LogoutEvent.objects.get()

    page = admin_client_with_data.get(f"/admin/logout_lens_audit/logoutevent/{event.pk}/delete/")
    bulk = admin_client_with_data.post(
        "/admin/logout_lens_audit/logoutevent/", {"action": "delete_selected", "_selected_action": [str(event.pk)], "post": "yes"}
    )

    assert page.status_code == 403
    assert LogoutEvent.objects.filter(pk=event.pk).exists()
    assert b"delete_selected" not in admin_client_with_data.get("/admin/logout_lens_audit/logoutevent/").content
    assert bulk.status_code in (200, 302)
