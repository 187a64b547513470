import time
import uuid

import jwt
import pytest
from django.conf import settings as django_settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from logout_lens.sessions.models import RefreshToken, Session
from logout_lens.settings import api_settings
from logout_lens.sessions.tokens import AccessToken
from conftest import bearer

pytestmark = pytest.mark.django_db


def test_me_returns_the_signed_in_user(signed_in, user):
    client, first = signed_in

    response = client.get("/v1/auth/me/", **bearer(first))

    assert response.status_code == 200
    assert response.json() == {"id": str(user.pk), "email": "dana@example.com", "name": "Dana Demo"}


def test_authentication_costs_one_query(signed_in):
    client, first = signed_in

    with CaptureQueriesContext(connection) as queries:
        assert client.get("/v1/auth/me/", **bearer(first)).status_code == 200

    assert len(queries) == 1


def test_access_token_claims(signed_in, user):
    _, first = signed_in

    claims = jwt.decode(first.json()["access"], api_settings.SIGNING_KEY, algorithms=["HS256"], issuer="logout-lens")

    assert claims["sub"] == str(user.pk)
    assert claims["sid"] == first.json()["session_id"]
    assert claims["token_type"] == "access"
    assert claims["exp"] - claims["iat"] == 3600
    assert claims["jti"]


def test_missing_token_is_401_not_403(api):
    response = api.get("/v1/auth/me/")

    assert response.status_code == 401
    assert response.json()["code"] == "not_authenticated"
    assert response["WWW-Authenticate"].startswith("Bearer")


@pytest.mark.parametrize("header", ["Bearer", "Bearer a b", "Bearer not.a.jwt", "Bearer \u00e9"])
def test_malformed_token_is_token_not_valid(api, header):
    response = api.get("/v1/auth/me/", HTTP_AUTHORIZATION=header)

    assert response.status_code == 401
    assert response.json()["code"] == "token_not_valid"


def test_expired_access_token_is_token_not_valid(signed_in, ll_settings):
    client, _ = signed_in
    ll_settings(ACCESS_TOKEN_LIFETIME=-1)
    token = client.post("/v1/auth/refresh/", HTTP_X_REQUESTED_WITH="XMLHttpRequest").json()["access"]

    response = client.get("/v1/auth/me/", HTTP_AUTHORIZATION=f"Bearer {token}")

    assert response.json()["code"] == "token_not_valid"


def test_signing_key_is_not_the_secret_key(signed_in):
    _, first = signed_in
    access = first.json()["access"]

    assert api_settings.SIGNING_KEY != django_settings.SECRET_KEY
    with pytest.raises(jwt.InvalidSignatureError):
        jwt.decode(access, django_settings.SECRET_KEY, algorithms=["HS256"], issuer="logout-lens")


def test_token_signed_with_secret_key_is_refused(signed_in, user):
    client, first = signed_in
    claims = {
        "token_type": "access", "sub": str(user.pk), "sid": first.json()["session_id"],
        "iat": int(time.time()), "exp": int(time.time()) + 60, "jti": "x", "iss": "logout-lens",
    }
    forged = jwt.encode(claims, django_settings.SECRET_KEY, algorithm="HS256")

    response = client.get("/v1/auth/me/", HTTP_AUTHORIZATION=f"Bearer {forged}")

    assert response.json()["code"] == "token_not_valid"


def test_unsigned_token_is_refused(signed_in, user):
    client, first = signed_in
    claims = jwt.decode(first.json()["access"], options={"verify_signature": False})
    forged = jwt.encode(claims, None, algorithm="none")

    assert client.get("/v1/auth/me/", HTTP_AUTHORIZATION=f"Bearer {forged}").status_code == 401


def test_revoked_session_token_is_session_revoked(signed_in):
    client, first = signed_in
    Session.objects.update(revoked_at="2020-01-01T00:00:00Z", revoke_reason="revoked")

    response = client.get("/v1/auth/me/", **bearer(first))

    assert response.status_code == 401
    assert response.json()["code"] == "session_revoked"


def test_token_for_an_unknown_session_is_session_revoked(signed_in, user):
    client, _ = signed_in
    token = AccessToken.issue(user, uuid.uuid4(), timezone.now())

    response = client.get("/v1/auth/me/", HTTP_AUTHORIZATION=f"Bearer {token.encoded}")

    assert response.json()["code"] == "session_revoked"
