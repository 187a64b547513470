from datetime import timedelta

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from logout_lens.sessions.models import RefreshToken, RevokeReason, Session
from conftest import AJAX, COOKIE, login, refresh

pytestmark = pytest.mark.django_db


def cookie_of(response):
    return response.cookies[COOKIE].value


def present(client, raw):
    """Make the client send `raw` as its refresh cookie, as a racing tab would."""
    client.cookies[COOKIE] = raw
    return refresh(client)


def age_rotation(seconds):
    """Pretend every rotation happened `seconds` ago."""
    for token in RefreshToken.objects.exclude(rotated_at=None):
        RefreshToken.objects.filter(pk=token.pk).update(
            rotated_at=token.rotated_at - timedelta(seconds=seconds)
        )


def test_refresh_rotates_the_token(signed_in):
    client, first = signed_in
    original = cookie_of(first)

    response = refresh(client)

    assert response.status_code == 200
    assert cookie_of(response) != original
    body = response.json()
    assert body["session_id"] == first.json()["session_id"]
    assert body["refresh_expires_at"] == first.json()["refresh_expires_at"]
    assert body["user"]["email"] == "dana@example.com"
    parent, child = RefreshToken.objects.order_by("created_at", "rotated_at")
    assert child.parent_id == parent.id and parent.rotated_at is not None
    assert child.family == parent.family and child.expires_at == parent.expires_at


def test_refresh_sends_the_remaining_lifetime_as_max_age(signed_in):
    client, _ = signed_in
    Session.objects.update(expires_at=timezone.now() + timedelta(seconds=100))

    max_age = refresh(client).cookies[COOKIE]["max-age"]

    assert 98 <= int(max_age) <= 100


def test_previous_token_within_grace_gets_the_same_successor(signed_in):
    client, first = signed_in
    original = cookie_of(first)
    successor = cookie_of(refresh(client))

    again = present(client, original)

    assert again.status_code == 200
    assert cookie_of(again) == successor
    assert RefreshToken.objects.count() == 2
    assert refresh(client).status_code == 200  # the successor is still the live head


def test_previous_token_after_grace_revokes_the_family(signed_in, ll_settings):
    # (The same client retrying a lost answer is recovered: test_reuse_evidence.py. Off here.)
    ll_settings(REFRESH_RECOVERY_SECONDS=0)
    client, first = signed_in
    original = cookie_of(first)
    refresh(client)
    age_rotation(31)

    response = present(client, original)

    assert response.status_code == 401
    assert response.json()["code"] == "refresh_reused"
    # The dead cookie stays so the browser's logout event can be tied to its user.
    assert COOKIE not in response.cookies
    assert set(RefreshToken.objects.values_list("revoke_reason", flat=True)) == {
        RevokeReason.REUSE_DETECTED
    }


def test_grace_window_is_configurable(signed_in, ll_settings):
    ll_settings(REFRESH_GRACE_SECONDS=0, REFRESH_RECOVERY_SECONDS=0)
    client, first = signed_in
    refresh(client)
    age_rotation(1)

    assert present(client, cookie_of(first)).json()["code"] == "refresh_reused"


def test_grandparent_token_is_reuse_even_within_grace(signed_in):
    client, first = signed_in
    grandparent = cookie_of(first)
    refresh(client)
    latest = cookie_of(refresh(client))

    response = present(client, grandparent)

    assert response.json()["code"] == "refresh_reused"
    assert present(client, latest).json()["code"] == "refresh_reused"
    assert not RefreshToken.objects.filter(revoked_at=None).exists()


def test_expired_session_is_refused_and_revoked(signed_in):
    client, _ = signed_in
    Session.objects.update(expires_at=timezone.now() - timedelta(seconds=1))

    response = refresh(client)

    assert response.status_code == 401
    assert response.json()["code"] == "refresh_expired"
    assert COOKIE not in response.cookies
    assert RefreshToken.objects.get().revoke_reason == RevokeReason.EXPIRED


def test_lifetimes_shrunk_to_seconds_expire_the_session(api, user, ll_settings):
    ll_settings(REFRESH_TOKEN_LIFETIME=1)
    login(api)
    Session.objects.update(expires_at=timezone.now())

    assert refresh(api).json()["code"] == "refresh_expired"


def test_missing_cookie(api):
    response = refresh(api)

    assert response.status_code == 401
    assert response.json() == {
        "code": "refresh_missing",
        "detail": "No refresh token was sent; please sign in.",
    }


def test_unknown_token_is_revoked(api, db):
    response = present(api, "not-a-token-we-issued")

    assert response.status_code == 401
    assert response.json()["code"] == "refresh_revoked"


def test_signed_out_session_is_revoked(signed_in):
    client, first = signed_in
    raw = cookie_of(first)
    client.post("/v1/auth/logout/", **AJAX)

    assert present(client, raw).json()["code"] == "refresh_revoked"


def test_refresh_requires_the_csrf_header(signed_in):
    client, _ = signed_in

    response = client.post("/v1/auth/refresh/")

    assert response.status_code == 403
    assert response.json()["code"] == "csrf_header_missing"
    assert RefreshToken.objects.count() == 1


def test_refresh_responses_are_not_cacheable(signed_in):
    client, _ = signed_in
    assert refresh(client)["Cache-Control"] == "no-store"
    assert refresh(APIClient())["Cache-Control"] == "no-store"  # also a 401


def test_refresh_of_deactivated_user_is_refused_as_account_disabled(signed_in, user):
    client, _ = signed_in
    user.is_active = False
    user.save()

    assert refresh(client).json()["code"] == "account_disabled"
