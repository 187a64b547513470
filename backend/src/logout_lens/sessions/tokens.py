"""
Token machinery: opaque refresh tokens and signed access JWTs.

Refresh tokens are random, stored only as SHA-256 hashes. A successor's raw value is
derived from its parent's (HMAC with REFRESH_SUCCESSOR_KEY), so a racing tab that presents
the immediately previous token within the grace window gets the very same successor
back without the server ever storing a raw value. Access tokens are short-lived JWTs
signed with SIGNING_KEY (never Django's SECRET_KEY).
"""
import base64
import hashlib
import hmac
import json
import secrets
import uuid
import warnings
from dataclasses import dataclass
from datetime import datetime, timezone as dt_timezone
from functools import lru_cache

import jwt
from django.utils.crypto import salted_hmac

from . import clock
from ..settings import api_settings

REFRESH_TOKEN_BYTES = 32
SUCCESSOR_CONTEXT = b"refresh-successor:"


def _b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def new_refresh_value():
    """A fresh raw refresh token: 32 random bytes, base64url."""
    return _b64url(secrets.token_bytes(REFRESH_TOKEN_BYTES))


def successor_key():
    """
    The successor-derivation key: REFRESH_SUCCESSOR_KEY, else one derived from SECRET_KEY.
    Never the JWT signing key, so rotating that one breaks no grace window.
    """
    configured = api_settings.REFRESH_SUCCESSOR_KEY
    if configured:
        return configured.encode("utf-8")
    return salted_hmac("logout-lens.refresh-successor", "key", algorithm="sha256").digest()


def successor_value(parent_raw):
    """The raw value of the token that replaces `parent_raw` on rotation."""
    digest = hmac.new(successor_key(), SUCCESSOR_CONTEXT + parent_raw.encode("utf-8"), hashlib.sha256)
    return _b64url(digest.digest())


def hash_refresh_value(raw):
    """The stored form of a raw refresh token (SHA-256, hex)."""
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class AccessToken:
    """A signed access JWT and the claims it carries."""

    encoded: str
    user_id: str
    session_id: uuid.UUID
    issued_at: datetime
    expires_at: datetime
    jti: str

    @classmethod
    def issue(cls, user, session_id, now):
        """Sign a new access token for `user` in session `session_id`."""
        iat = int(now.timestamp())
        exp = iat + int(api_settings.ACCESS_TOKEN_LIFETIME.total_seconds())
        jti = uuid.uuid4().hex
        claims = {
            "token_type": "access",
            "sub": str(user.pk),
            "sid": str(session_id),
            "iat": iat,
            "exp": exp,
            "jti": jti,
            "iss": api_settings.ISSUER,
        }
        encoded = encode_jwt(claims, api_settings.SIGNING_KEY, api_settings.ALGORITHM)
        return cls(
            encoded=encoded,
            user_id=claims["sub"],
            session_id=session_id,
            issued_at=_from_timestamp(iat),
            expires_at=_from_timestamp(exp),
            jti=jti,
        )

    @classmethod
    def decode(cls, encoded):
        """
        Verify signature, expiry, issuer and type. Raises jwt.InvalidTokenError
        (or ValueError for a malformed session id) when the token is not valid.
        """
        claims = jwt.decode(
            encoded,
            api_settings.SIGNING_KEY,
            algorithms=[api_settings.ALGORITHM],
            issuer=api_settings.ISSUER,
            # Expiry is checked below against the backend's clock (authsessions.clock).
            options={
                "require": ["exp", "iat", "sub", "sid", "jti", "iss"],
                "verify_exp": False,
                "verify_iat": False,
            },
        )
        if claims.get("token_type") != "access" or not isinstance(claims["sub"], str):
            raise jwt.InvalidTokenError("Not an access token.")
        if not all(_is_int(claims[name]) for name in ("exp", "iat")):
            raise jwt.InvalidTokenError("Malformed time claims.")
        if claims["exp"] <= clock.now().timestamp():
            raise jwt.ExpiredSignatureError("Signature has expired.")
        return cls(
            encoded=encoded,
            user_id=claims["sub"],
            session_id=uuid.UUID(str(claims["sid"])),
            issued_at=_from_timestamp(claims["iat"]),
            expires_at=_from_timestamp(claims["exp"]),
            jti=str(claims["jti"]),
        )


def encode_jwt(claims, key, algorithm):
    """
    What jwt.encode(claims, key, algorithm=algorithm) returns, byte for byte, but with the key
    prepared once: PyJWT prepares it again at every call (tests that it is no PEM, SSH or DER
    key, no JSON), which was most of the time of signing an access token.
    """
    header, sign, prepared = _signer(key, algorithm)
    payload = _b64url(json.dumps(claims, separators=(",", ":")).encode("utf-8"))
    signing_input = f"{header}.{payload}".encode("ascii")
    return f"{header}.{payload}.{_b64url(sign(signing_input, prepared))}"


@lru_cache(maxsize=8)
def _signer(key, algorithm):
    """PyJWT's own algorithm, key preparation and key-length warning, once per key."""
    algorithm_object = jwt.get_algorithm_by_name(algorithm)
    prepared = algorithm_object.prepare_key(key)
    too_short = algorithm_object.check_key_length(prepared)
    if too_short:
        warnings.warn(too_short, jwt.InsecureKeyLengthWarning, stacklevel=3)
    header = json.dumps({"alg": algorithm, "typ": "JWT"}, separators=(",", ":"), sort_keys=True)
    return _b64url(header.encode("utf-8")), algorithm_object.sign, prepared


def _is_int(value):
    return isinstance(value, int) and not isinstance(value, bool)


def _from_timestamp(value):
    return datetime.fromtimestamp(int(value), tz=dt_timezone.utc)
