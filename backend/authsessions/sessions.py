"""
The session lifecycle: sign-in and refresh (rotation with a grace window).

A session is a family of refresh tokens. Refresh runs in one transaction holding a
row lock on the presented token (and on its child when it was already rotated), so
two tabs refreshing at once never fork a family: the second one waits, then finds
the token rotated moments ago and gets the same derived successor back.
"""
import threading
import uuid
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Optional

from django.db import IntegrityError, connection, transaction

from . import clock, exceptions
from .models import RefreshToken, RevokeReason
from .revocation import announce, revoke_family
from .settings import api_settings
from .tokens import AccessToken, hash_refresh_value, new_refresh_value, successor_value

# Refusal for a token that was already revoked, by the reason it was revoked.
REFUSAL_BY_REASON = {
    RevokeReason.PASSWORD_CHANGED: exceptions.PasswordChanged,
    RevokeReason.REUSE_DETECTED: exceptions.RefreshReused,
    RevokeReason.EXPIRED: exceptions.RefreshExpired,
}

# Backends without SELECT ... FOR UPDATE (SQLite) are serialised within the process.
_no_row_locks = threading.Lock()


@dataclass(frozen=True)
class SessionGrant:
    """What a successful sign-in or refresh hands to the client."""

    user: object
    session_id: uuid.UUID
    refresh_value: str
    refresh_expires_at: datetime
    remember_me: bool
    access: AccessToken
    cookie_max_age: int


@dataclass(frozen=True)
class _Refusal:
    error: exceptions.SessionEnded
    ended: Optional[RefreshToken] = None


def _grant(token, raw, now):
    remaining = int((token.expires_at - now).total_seconds())
    return SessionGrant(
        user=token.user,
        session_id=token.family,
        refresh_value=raw,
        refresh_expires_at=token.expires_at,
        remember_me=token.remember_me,
        access=AccessToken.issue(token.user, token.family, now),
        cookie_max_age=max(remaining, 0),
    )


def start_session(user, *, remember_me, device_id, client):
    """Sign `user` in: a new family whose absolute lifetime depends on `remember_me`."""
    now = clock.now().replace(microsecond=0)
    lifetime = (
        api_settings.REFRESH_TOKEN_LIFETIME_REMEMBER_ME
        if remember_me
        else api_settings.REFRESH_TOKEN_LIFETIME
    )
    raw = new_refresh_value()
    token = RefreshToken.objects.create(
        token_hash=hash_refresh_value(raw),
        family=uuid.uuid4(),
        user=user,
        device_id=device_id or "",
        remember_me=remember_me,
        created_at=now,
        expires_at=now + lifetime,
        last_used_at=now,
        ip=client.ip,
        user_agent=client.user_agent,
    )
    return _grant(token, raw, now)


@contextmanager
def _serialised():
    if connection.features.has_select_for_update:
        yield
    else:
        with _no_row_locks:
            yield


def refresh_session(raw, client):
    """Exchange a refresh token for a new grant, or raise a SessionEnded error."""
    if not raw:
        raise exceptions.RefreshMissing()
    for attempt in (1, 2):
        try:
            with _serialised(), transaction.atomic():
                outcome = _refresh_locked(raw, client, clock.now())
            break
        except IntegrityError:
            # A concurrent rotation (without row locks) inserted the same derived
            # successor first; the retry sees the rotation and takes the grace path.
            if attempt == 2:
                raise
    if isinstance(outcome, _Refusal):
        if outcome.ended is not None:
            announce(outcome.ended, outcome.ended.revoke_reason, client)
        raise outcome.error
    return outcome


def _refresh_locked(raw, client, now):
    token = (
        RefreshToken.objects.select_for_update()
        .filter(token_hash=hash_refresh_value(raw))
        .first()
    )
    if token is None:
        return _Refusal(exceptions.RefreshRevoked())
    if token.revoked_at is not None:
        return _Refusal(REFUSAL_BY_REASON.get(token.revoke_reason, exceptions.RefreshRevoked)())
    if token.expires_at <= now:
        return _end_family(token, RevokeReason.EXPIRED, now, exceptions.RefreshExpired())
    if not token.user.is_active:
        return _end_family(token, RevokeReason.REVOKED, now, exceptions.RefreshRevoked())
    if token.rotated_at is None:
        return _rotate(token, raw, client, now)
    child = RefreshToken.objects.select_for_update().filter(parent=token).first()
    grace = timedelta(seconds=api_settings.REFRESH_GRACE_SECONDS)
    if child is not None and child.is_head and now - token.rotated_at <= grace:
        child.last_used_at = now
        child.save(update_fields=["last_used_at"])
        return _grant(child, successor_value(raw), now)
    return _end_family(token, RevokeReason.REUSE_DETECTED, now, exceptions.RefreshReused())


def _rotate(token, raw, client, now):
    token.rotated_at = now
    token.last_used_at = now
    token.save(update_fields=["rotated_at", "last_used_at"])
    child_raw = successor_value(raw)
    child = RefreshToken.objects.create(
        token_hash=hash_refresh_value(child_raw),
        family=token.family,
        parent=token,
        user=token.user,
        device_id=token.device_id,
        remember_me=token.remember_me,
        created_at=now,
        expires_at=token.expires_at,
        last_used_at=now,
        ip=client.ip,
        user_agent=client.user_agent,
    )
    return _grant(child, child_raw, now)


def _end_family(token, reason, now, error):
    revoke_family(token.family, reason, now)
    token.revoke_reason = reason
    return _Refusal(error, ended=token)
