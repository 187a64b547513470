"""Who sent a logout event, when the request can prove it."""
from dataclasses import dataclass
from typing import Optional
from uuid import UUID

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError

from logout_lens.sessions.authentication import decode_bearer
from logout_lens.sessions.cookies import read_refresh_cookie
from logout_lens.sessions.exceptions import TokenNotValid
from logout_lens.sessions.models import RefreshToken
from logout_lens.sessions.tokens import hash_refresh_value


@dataclass(frozen=True)
class Sender:
    user: Optional[object] = None
    session_id: Optional[UUID] = None

    @property
    def verified(self):
        """Whether the sender proved who they are."""
        return self.user is not None


def identify_sender(request):
    """
    The user behind a logout event, proven by either

    - a valid access token (signature, issuer and expiry checked; the session may
      already be over - that is usually why the event is sent), or
    - the refresh cookie matching any token of the user's families, even a revoked
      or expired one: that is how a browser that was just signed out is recognised.

    Returns an unverified Sender when neither proves anything.
    """
    try:
        token = decode_bearer(request)
    except TokenNotValid:
        token = None
    if token is not None:
        try:
            user = get_user_model()._default_manager.filter(pk=token.user_id).first()
        except (ValueError, TypeError, ValidationError):
            user = None
        if user is not None:
            return Sender(user=user, session_id=token.session_id)
    raw = read_refresh_cookie(request)
    if raw:
        row = (
            RefreshToken.objects.select_related("user")
            .filter(token_hash=hash_refresh_value(raw))
            .first()
        )
        if row is not None:
            return Sender(user=row.user, session_id=row.family_id)
    return Sender()


def sender_of(request):
    """`identify_sender(request)`, worked out once per request: the throttles and the view share it."""
    sender = getattr(request, "_logout_lens_sender", None)
    if sender is None:
        sender = request._logout_lens_sender = identify_sender(request)
    return sender
