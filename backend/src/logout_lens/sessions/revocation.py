"""
Ending sessions: revoking them and announcing each one that ended.

Every revocation locks the `Session` rows it ends (`SELECT ... FOR UPDATE`, in primary-key
order so two revocations never deadlock), the same row a refresh of that session locks
first. A refresh already inside its transaction therefore finishes before the revocation
looks at the session's tokens, and the revocation's UPDATE sees the successor it inserted;
a refresh that comes later waits and then finds the session revoked. No refresh can keep a
revoked session alive. (SQLite has no row locks: there its IMMEDIATE transactions and the
in-process lock in sessions.py serialise every writer.)
"""
from django.db import transaction

from . import clock
from .locking import serialised
from .models import RefreshToken, RevokeReason, Session
from .signals import session_ended
from .tokens import hash_refresh_value


def _revoke_locked(sessions, reason, now):
    """Revoke the given locked, live sessions and all their tokens; returns them."""
    ids = [session.pk for session in sessions]
    if not ids:
        return []
    Session.objects.filter(pk__in=ids).update(revoked_at=now, revoke_reason=reason)
    RefreshToken.objects.filter(family__in=ids, revoked_at__isnull=True).update(
        revoked_at=now, revoke_reason=reason
    )
    for session in sessions:
        session.revoked_at, session.revoke_reason = now, reason
    return sessions


def _lock(queryset):
    return list(
        queryset.filter(revoked_at__isnull=True)
        .select_for_update(of=("self",))
        .select_related("user")
        .order_by("pk")
    )


def revoke_family(family, reason, now=None):
    """
    Revoke one session (by id) and every token of it, under the session's lock.
    Returns the Session when it was still unrevoked, else None. Call inside a transaction
    that already holds the session's lock, or on its own (it opens one).
    """
    now = now or clock.now()
    with serialised(), transaction.atomic():
        revoked = _revoke_locked(_lock(Session.objects.filter(pk=family)), reason, now)
    return revoked[0] if revoked else None


def announce(session, reason, client, logout_type=None, evidence=None):
    """
    Send `session_ended` for `session`. `logout_type` is the type a browser gave when it
    ended the session itself (see audit's logout events); None when the server decided.
    `evidence` is what the server knew of a reuse (see sessions.py).
    """
    session_ended.send(
        sender=Session,
        user=session.user,
        session_id=session.pk,
        device_id=session.device_id,
        reason=reason,
        client=client,
        logout_type=logout_type,
        evidence=evidence,
    )


def end_session(raw, client, reason=RevokeReason.LOGOUT, logout_type=None):
    """Sign out the session a raw refresh token belongs to. Idempotent."""
    if not raw:
        return False
    token = RefreshToken.objects.filter(token_hash=hash_refresh_value(raw)).first()
    if token is None:
        return False
    return end_session_by_id(token.family_id, client, reason, logout_type) is not None


def end_session_by_id(session_id, client, reason, logout_type=None):
    """Revoke one session and announce it; returns the Session, or None if it had already ended."""
    session = revoke_family(session_id, reason)
    if session is not None and session.expires_at > session.revoked_at:
        announce(session, reason, client, logout_type)
    return session


def revoke_user_sessions(user, reason, client, *, only_family=None, except_family=None):
    """
    Revoke the user's sessions (all, one, or all but one) and announce each session that
    was still live. Returns the ids of the sessions that were live.
    """
    now = clock.now()
    sessions = Session.objects.filter(user=user)
    if only_family is not None:
        sessions = sessions.filter(pk=only_family)
    if except_family is not None:
        sessions = sessions.exclude(pk=except_family)
    with serialised(), transaction.atomic():
        revoked = _revoke_locked(_lock(sessions), reason, now)
    live = [session for session in revoked if session.expires_at > now]
    for session in live:
        announce(session, reason, client)
    return [session.pk for session in live]
