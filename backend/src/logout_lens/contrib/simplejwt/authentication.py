"""simplejwt's JWTAuthentication, refusing the access tokens of sessions that have ended."""
import uuid

from rest_framework_simplejwt.authentication import JWTAuthentication

from ...sessions.authentication import live_session_user
from ...sessions.exceptions import SessionRevoked
from .tokens import SESSION_CLAIM


class JWTSessionAuthentication(JWTAuthentication):
    """
    Stock JWTAuthentication (signature, expiry, user), and then the token's session: while it is
    live the request goes on; once it has ended - signed out, revoked, expired, the password
    changed, the account deactivated - it is refused at once (401 with the reason's code) rather
    than when the access token expires. One query more per request. A token without a `sid`
    claim (minted by other views) is let through as JWTAuthentication would.
    """

    def authenticate(self, request):
        result = super().authenticate(request)
        if result is None:
            return None
        user, token = result
        session_id = token.get(SESSION_CLAIM)
        if session_id is None:
            return result
        try:
            session_id = uuid.UUID(str(session_id))
        except ValueError:
            raise SessionRevoked()
        live_session_user(request, session_id, user.pk)
        return user, token
