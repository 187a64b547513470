import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from rest_framework.test import APIClient

from conftest import login, refresh

pytestmark = pytest.mark.django_db


def test_ensure_demo_user_is_idempotent():
    call_command("ensure_demo_user")
    call_command("ensure_demo_user")

    User = get_user_model()
    demo = User.objects.get(email="demo@example.com")
    support = User.objects.get(email="support@example.com")
    assert User.objects.count() == 2
    assert demo.get_full_name() == "Dana Demo" and not demo.is_staff
    assert support.get_full_name() == "Sam Support" and support.is_staff


def test_demo_users_can_sign_in():
    call_command("ensure_demo_user")

    response = login(APIClient(), email="demo@example.com", password="demo-pass-2026")

    assert response.status_code == 200
    assert response.json()["user"]["name"] == "Dana Demo"
    assert login(APIClient(), email="support@example.com", password="support-pass-2026").status_code == 200


def test_ensure_demo_user_resets_a_changed_password():
    call_command("ensure_demo_user")
    demo = get_user_model().objects.get(email="demo@example.com")
    demo.set_password("something-else-entirely")
    demo.save()

    call_command("ensure_demo_user")

    assert login(APIClient(), email="demo@example.com", password="demo-pass-2026").status_code == 200


def test_ensure_demo_user_keeps_the_demo_users_signed_in():
    call_command("ensure_demo_user")
    client = APIClient()
    assert login(client, email="demo@example.com", password="demo-pass-2026").status_code == 200

    call_command("ensure_demo_user")

    assert refresh(client).status_code == 200


def test_prune_refresh_tokens_deletes_only_sessions_that_ended_long_ago(user, ll_settings):
    from datetime import timedelta

    from django.utils import timezone

    from logout_lens.sessions.models import RefreshToken, Session

    ll_settings(REFRESH_TOKEN_RETENTION=timedelta(days=30))
    live, revoked_long_ago, expired_long_ago, revoked_lately = (APIClient() for _ in range(4))
    grants = [login(client) for client in (live, revoked_long_ago, expired_long_ago, revoked_lately)]
    for client in (live, revoked_long_ago, expired_long_ago, revoked_lately):
        refresh(client)
    ids = [grant.json()["session_id"] for grant in grants]
    long_ago = timezone.now() - timedelta(days=31)
    Session.objects.filter(pk=ids[1]).update(revoked_at=long_ago)
    Session.objects.filter(pk=ids[2]).update(expires_at=long_ago)
    Session.objects.filter(pk=ids[3]).update(revoked_at=timezone.now() - timedelta(days=29))
    out = io.StringIO()

    call_command("prune_refresh_tokens", stdout=out)

    assert set(str(pk) for pk in Session.objects.values_list("pk", flat=True)) == {ids[0], ids[3]}
    assert RefreshToken.objects.count() == 4
    assert out.getvalue().startswith("Deleted 4 refresh token(s)")
    assert refresh(live).status_code == 200
