"""Ending sessions: revoking token families and announcing each ended session."""
from . import clock
from .models import RefreshToken, RevokeReason
from .signals import session_ended
from .tokens import hash_refresh_value


def revoke_family(family, reason, now=None):
    """Revoke every still-valid token of a family; returns how many were revoked."""
    return RefreshToken.objects.filter(family=family, revoked_at__isnull=True).update(
        revoked_at=now or clock.now(), revoke_reason=reason
    )


def announce(token, reason, client):
    """Send `session_ended` for the family of `token`."""
    session_ended.send(
        sender=RefreshToken,
        user=token.user,
        session_id=token.family,
        device_id=token.device_id,
        reason=reason,
        client=client,
    )


def end_session(raw, client, reason=RevokeReason.LOGOUT):
    """Sign out the session a raw refresh token belongs to. Idempotent."""
    if not raw:
        return False
    token = RefreshToken.objects.filter(token_hash=hash_refresh_value(raw)).first()
    if token is None or not revoke_family(token.family, reason):
        return False
    announce(token, reason, client)
    return True


def revoke_user_sessions(user, reason, client, *, only_family=None, except_family=None):
    """
    Revoke the user's sessions (all, one, or all but one) and announce each family
    that was still live. Returns the ids of the families that were live.
    """
    now = clock.now()
    tokens = RefreshToken.objects.filter(user=user, revoked_at__isnull=True)
    if only_family is not None:
        tokens = tokens.filter(family=only_family)
    if except_family is not None:
        tokens = tokens.exclude(family=except_family)
    live = list(
        tokens.filter(expires_at__gt=now, rotated_at__isnull=True).values_list(
            "family", "device_id"
        )
    )
    tokens.update(revoked_at=now, revoke_reason=reason)
    for family, device_id in live:
        session_ended.send(
            sender=RefreshToken, user=user, session_id=family, device_id=device_id,
            reason=reason, client=client,
        )
    return [family for family, _ in live]
