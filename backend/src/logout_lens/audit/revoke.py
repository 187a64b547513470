"""A sign-out a browser reports ends that session on the server too."""
from logout_lens.sessions.models import RevokeReason, Session
from logout_lens.sessions.revocation import end_session_by_id

from .models import LogoutType


def revoke_reported_session(event, sender, client):
    """
    Revoke the session a verified logout event reports, whatever its type: the browser has
    signed out, so no cookie of that session may refresh again. Only a sender proven to be
    the session's user can end it (the serializer refuses another user's session id).
    Returns whether the session was still live and is now revoked; the server's own record
    of the revoke carries the type the browser gave.
    """
    if not sender.verified or event.session_id is None:
        return False
    if not Session.objects.filter(pk=event.session_id, user=sender.user).exists():
        return False
    reason = (
        RevokeReason.LOGOUT if event.type == LogoutType.USER_INITIATED else RevokeReason.CLIENT_ENDED
    )
    session = end_session_by_id(event.session_id, client, reason, logout_type=event.type)
    return session is not None
