"""
The session lifecycle: sign-in and refresh (rotation with a grace window).

A session is a `Session` row and the family of refresh tokens it rotated through. Refresh
runs in one transaction that first locks the session's row, the lock every revocation of
the session takes too (revocation.py): two tabs refreshing at once never fork a family (the
second waits, then finds the token rotated moments ago and gets the same derived successor
back), and a refresh never inserts a successor that a concurrent revocation misses.
"""
import logging
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Optional

from django.db import IntegrityError, transaction

from . import clock, exceptions
from .locking import serialised
from .models import RefreshToken, RevokeReason, Session, password_fingerprint
from .revocation import announce, revoke_family
from ..settings import api_settings
from .tokens import AccessToken, hash_refresh_value, new_refresh_value, successor_value

# Reuse is a security event: a likely theft is logged at ERROR, the level operators alert on.
security_log = logging.getLogger("logoutlens.security")

# Refusal for a session that was already revoked, by the reason it was revoked.
REFUSAL_BY_REASON = {
    RevokeReason.PASSWORD_CHANGED: exceptions.PasswordChanged,
    RevokeReason.REUSE_DETECTED: exceptions.RefreshReused,
    RevokeReason.EXPIRED: exceptions.RefreshExpired,
    RevokeReason.ACCOUNT_DISABLED: exceptions.AccountDisabled,
}


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
    ended: Optional[Session] = None
    reason: str = ""
    evidence: Optional[dict] = None


def _grant(session, raw, now):
    remaining = int((session.expires_at - now).total_seconds())
    return SessionGrant(
        user=session.user,
        session_id=session.pk,
        refresh_value=raw,
        refresh_expires_at=session.expires_at,
        remember_me=session.remember_me,
        access=AccessToken.issue(session.user, session.pk, now),
        cookie_max_age=max(remaining, 0),
    )


def start_session(user, *, remember_me, device_id, client):
    """Sign `user` in: a new session whose absolute lifetime depends on `remember_me`."""
    now = clock.now().replace(microsecond=0)
    lifetime = (
        api_settings.REFRESH_TOKEN_LIFETIME_REMEMBER_ME
        if remember_me
        else api_settings.REFRESH_TOKEN_LIFETIME
    )
    raw = new_refresh_value()
    with transaction.atomic():
        session = Session.objects.create(
            user=user,
            device_id=device_id or "",
            remember_me=remember_me,
            created_at=now,
            expires_at=now + lifetime,
            password_fingerprint=password_fingerprint(user.password),
        )
        RefreshToken.objects.create(
            token_hash=hash_refresh_value(raw),
            family=session,
            user=user,
            device_id=session.device_id,
            remember_me=remember_me,
            created_at=now,
            expires_at=session.expires_at,
            last_used_at=now,
            ip=client.ip,
            user_agent=client.user_agent,
        )
    return _grant(session, raw, now)


def refresh_session(raw, client):
    """Exchange a refresh token for a new grant, or raise a SessionEnded error."""
    if not raw:
        raise exceptions.RefreshMissing()
    for attempt in (1, 2):
        try:
            with serialised(), transaction.atomic():
                outcome = _refresh_locked(hash_refresh_value(raw), raw, client, clock.now())
            break
        except IntegrityError:
            # A concurrent rotation (without row locks) inserted the same derived
            # successor first; the retry sees the rotation and takes the grace path.
            if attempt == 2:
                raise
    if isinstance(outcome, _Refusal):
        if outcome.ended is not None:
            announce(outcome.ended, outcome.reason, client, evidence=outcome.evidence)
        if outcome.evidence:
            _log_reuse(outcome.ended, outcome.evidence)
        raise outcome.error
    return outcome


def _refresh_locked(token_hash, raw, client, now):
    # The session's row first: the lock that revocations of this session take too.
    session = (
        Session.objects.select_for_update(of=("self",))
        .select_related("user")
        .filter(tokens__token_hash=token_hash)
        .first()
    )
    if session is None:
        return _Refusal(exceptions.RefreshRevoked())
    if session.revoked_at is not None:
        if session.revoke_reason == RevokeReason.REUSE_DETECTED:
            return _Refusal(exceptions.RefreshReused(session.reuse_verdict))
        return _Refusal(REFUSAL_BY_REASON.get(session.revoke_reason, exceptions.RefreshRevoked)())
    if session.expires_at <= now:
        return _end(session, RevokeReason.EXPIRED, now, exceptions.RefreshExpired())
    if not session.password_matches():
        return _end(session, RevokeReason.PASSWORD_CHANGED, now, exceptions.PasswordChanged())
    if not session.user.is_active:
        return _end(session, RevokeReason.ACCOUNT_DISABLED, now, exceptions.AccountDisabled())
    token = RefreshToken.objects.get(token_hash=token_hash)
    if token.rotated_at is None:
        return _rotate(session, token, raw, client, now)
    child = RefreshToken.objects.filter(parent=token).first()
    since = now - token.rotated_at
    same_client = child is not None and (child.ip, child.user_agent) == (client.ip, client.user_agent)
    if child is not None and child.rotated_at is None:
        # The successor was never used. Within the grace window: a racing tab. Later, from the
        # client that rotated it: its answer was lost (a restart, a sleeping laptop) and this is
        # the retry. Either way it gets the same successor back.
        recovery = timedelta(seconds=api_settings.REFRESH_RECOVERY_SECONDS)
        grace = timedelta(seconds=api_settings.REFRESH_GRACE_SECONDS)
        if since <= grace or (same_client and since <= recovery):
            child.last_used_at = now
            child.save(update_fields=["last_used_at"])
            return _grant(session, successor_value(raw), now)
    evidence = {
        "verdict": "likely_race" if same_client else "likely_theft",
        "seconds_after_rotation": round(since.total_seconds(), 1),
        "same_ip": child is not None and child.ip == client.ip,
        "same_user_agent": child is not None and child.user_agent == client.user_agent,
        "successor_used": child is not None and child.rotated_at is not None,
    }
    Session.objects.filter(pk=session.pk).update(reuse_verdict=evidence["verdict"])
    return _end(
        session, RevokeReason.REUSE_DETECTED, now, exceptions.RefreshReused(evidence["verdict"]), evidence
    )


def _rotate(session, token, raw, client, now):
    token.rotated_at = now
    token.last_used_at = now
    token.save(update_fields=["rotated_at", "last_used_at"])
    child_raw = successor_value(raw)
    RefreshToken.objects.create(
        token_hash=hash_refresh_value(child_raw),
        family=session,
        parent=token,
        user=session.user,
        device_id=session.device_id,
        remember_me=session.remember_me,
        created_at=now,
        expires_at=session.expires_at,
        last_used_at=now,
        ip=client.ip,
        user_agent=client.user_agent,
    )
    return _grant(session, child_raw, now)


def _end(session, reason, now, error, evidence=None):
    revoke_family(session.pk, reason, now)
    return _Refusal(error, ended=session, reason=reason, evidence=evidence)


def _log_reuse(session, evidence):
    level = logging.ERROR if evidence["verdict"] == "likely_theft" else logging.WARNING
    security_log.log(
        level,
        "Refresh token reuse (%s): session=%s user=%s %ss after its rotation, same_ip=%s "
        "same_user_agent=%s; the session was revoked.",
        evidence["verdict"], session.pk, session.user_id, evidence["seconds_after_rotation"],
        evidence["same_ip"], evidence["same_user_agent"],
    )
