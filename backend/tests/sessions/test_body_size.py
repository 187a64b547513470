"""Every JSON endpoint refuses a body over 16 KB with 413 before reading it or checking a password."""
import json

import pytest
from django.contrib.auth.hashers import MD5PasswordHasher
from rest_framework.test import APIClient

from logout_lens.audit.models import LogoutEvent
from logout_lens.sessions.models import RefreshToken
from conftest import AJAX, COOKIE, PASSWORD, bearer

pytestmark = pytest.mark.django_db

THREE_MB = 3 * 1024 * 1024


def padded(**fields):
    """A well-formed JSON body of 3 MB: valid fields plus an ignored padding key."""
    return json.dumps({**fields, "padding": "x" * THREE_MB}).encode()


@pytest.fixture
def hashing(monkeypatch):
    """Counts every password hash computed or checked."""
    calls = []
    for name in ("encode", "verify"):
        real = getattr(MD5PasswordHasher, name)
        monkeypatch.setattr(
            MD5PasswordHasher, name, lambda self, *a, _real=real, **k: calls.append(1) or _real(self, *a, **k)
        )
    return calls


def assert_too_large(response):
    assert response.status_code == 413, response.content[:300]
    assert response.json()["code"] == "payload_too_large"


def stored():
    return RefreshToken.objects.count(), LogoutEvent.objects.count()


def test_login_refuses_a_3_mb_body_without_hashing(user, hashing):
    body = padded(email="dana@example.com", password=PASSWORD, device_id="dev-1")

    response = APIClient().post("/v1/auth/login/", body, content_type="application/json")

    assert_too_large(response)
    assert hashing == [] and stored() == (0, 0)
    assert COOKIE not in response.cookies


def test_refresh_refuses_a_3_mb_body_without_rotating(signed_in):
    client, _ = signed_in
    before = list(RefreshToken.objects.values_list("id", "revoked_at"))

    response = client.post("/v1/auth/refresh/", padded(), content_type="application/json", **AJAX)

    assert_too_large(response)
    assert list(RefreshToken.objects.values_list("id", "revoked_at")) == before
    assert COOKIE not in response.cookies


def test_logout_refuses_a_3_mb_body(signed_in):
    client, _ = signed_in

    response = client.post("/v1/auth/logout/", padded(), content_type="application/json", **AJAX)

    assert_too_large(response)
    assert RefreshToken.objects.filter(revoked_at__isnull=False).count() == 0


def test_change_password_refuses_a_3_mb_body_without_hashing(signed_in, user, hashing):
    client, grant = signed_in
    password_hash = user.password
    hashing.clear()
    body = padded(current_password=PASSWORD, new_password="n3w-long-passphrase-42")

    response = client.post("/v1/auth/change-password/", body, content_type="application/json", **bearer(grant))

    assert_too_large(response)
    assert hashing == []
    user.refresh_from_db()
    assert user.password == password_hash
    assert RefreshToken.objects.filter(revoked_at__isnull=False).count() == 0


def test_a_body_within_the_limit_is_still_read(user):
    body = json.dumps({"email": "dana@example.com", "password": PASSWORD, "padding": "x" * 15000})

    response = APIClient().post("/v1/auth/login/", body, content_type="application/json")

    assert response.status_code == 200, response.content
