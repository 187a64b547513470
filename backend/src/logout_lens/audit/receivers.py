"""Server-side audit records for every session the server itself ends."""
from django.dispatch import receiver

from logout_lens.sessions.models import RevokeReason
from logout_lens.sessions.signals import session_ended

from .logline import log_event
from .models import EventSource, LogoutEvent, LogoutType, logout_type_choices

TYPE_BY_REASON = {
    RevokeReason.LOGOUT: LogoutType.USER_INITIATED,
    RevokeReason.PASSWORD_CHANGED: LogoutType.PASSWORD_CHANGED,
    RevokeReason.REVOKED: LogoutType.SESSION_REVOKED,
    RevokeReason.EXPIRED: LogoutType.TOKEN_EXPIRED,
    RevokeReason.REUSE_DETECTED: LogoutType.TOKEN_REUSE_DETECTED,
    RevokeReason.ACCOUNT_DISABLED: LogoutType.ACCOUNT_DISABLED,
}

MESSAGE_BY_REASON = {
    RevokeReason.LOGOUT: "The user signed out.",
    RevokeReason.PASSWORD_CHANGED: "The password was changed; every session was revoked.",
    RevokeReason.REVOKED: "The session was revoked.",
    RevokeReason.EXPIRED: "A refresh was refused: the session reached its absolute expiry.",
    RevokeReason.REUSE_DETECTED: (
        "A refresh was refused: an already-used refresh token was presented; "
        "the session was revoked."
    ),
    RevokeReason.CLIENT_ENDED: "The browser ended the session; the server revoked it.",
    RevokeReason.ACCOUNT_DISABLED: "The account was deactivated; its session was ended.",
}


@receiver(session_ended, dispatch_uid="logout_lens.audit.record_server_logout")
def record_server_logout(
    sender, user, session_id, device_id, reason, client, logout_type=None, evidence=None, **kwargs
):
    # A session the browser ended is recorded with the type the browser gave.
    known = {value for value, _label in logout_type_choices()}
    type_ = logout_type if logout_type in known else TYPE_BY_REASON.get(reason)
    event = LogoutEvent.objects.create(
        type=type_ or LogoutType.UNKNOWN,
        source=EventSource.SERVER,
        message=MESSAGE_BY_REASON.get(reason, str(reason)),
        ip=client.ip if client else None,
        user_agent=client.user_agent if client else "",
        device_id=device_id or "",
        session_id=session_id,
        user=user,
        verified=True,
        details={"revoke_reason": str(reason), **({"reuse": evidence} if evidence else {})},
    )
    log_event(event)
