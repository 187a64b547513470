"""DRF authentication with the access JWT in an `Authorization: Bearer` header."""
import jwt
from rest_framework.authentication import BaseAuthentication, get_authorization_header

from . import clock
from .client import ClientInfo
from .exceptions import AccountDisabledAuth, PasswordChangedAuth, SessionRevoked, TokenNotValid
from .models import RevokeReason, Session
from .revocation import end_session_by_id
from .tokens import AccessToken

KEYWORD = b"bearer"

# The refusal for an API call of a session that ended, by why it ended.
REFUSAL_BY_REASON = {
    RevokeReason.PASSWORD_CHANGED: PasswordChangedAuth,
    RevokeReason.ACCOUNT_DISABLED: AccountDisabledAuth,
}


def bearer_token(request):
    """The raw token from `Authorization: Bearer <token>`, or None when there is none."""
    parts = get_authorization_header(request).split()
    if not parts or parts[0].lower() != KEYWORD:
        return None
    if len(parts) != 2:
        raise TokenNotValid()
    try:
        return parts[1].decode("ascii")
    except UnicodeDecodeError:
        raise TokenNotValid()


def decode_bearer(request):
    """The verified AccessToken of a request (signature, expiry, issuer), or None."""
    raw = bearer_token(request)
    if raw is None:
        return None
    try:
        return AccessToken.decode(raw)
    except (jwt.InvalidTokenError, ValueError):
        raise TokenNotValid()


def live_session_user(request, session_id, user_id):
    """
    The user of session `session_id` while it is live, in one indexed query (the session with its
    user); else the refusal that says why: 401 `session_revoked` for a revoked, expired or unknown
    session, `password_changed` when the password changed since sign-in, `account_disabled` for a
    deactivated account. The first request to notice a changed password or a deactivation ends the
    session on the server, with its audit record.
    """
    session = Session.objects.select_related("user").filter(pk=session_id).first()
    if session is None or str(session.user.pk) != str(user_id):
        raise SessionRevoked()
    if session.revoked_at is not None:
        raise REFUSAL_BY_REASON.get(session.revoke_reason, SessionRevoked)()
    if session.expires_at <= clock.now():
        raise SessionRevoked()
    if not session.password_matches():
        reason = RevokeReason.PASSWORD_CHANGED
    elif not session.user.is_active:
        reason = RevokeReason.ACCOUNT_DISABLED
    else:
        return session.user
    end_session_by_id(session.pk, ClientInfo.from_request(request), reason)
    raise REFUSAL_BY_REASON[reason]()


class AccessTokenAuthentication(BaseAuthentication):
    """
    Authenticates a request by its access token, and only while the token's session
    is live: one indexed query loads the session together with the user, so the API calls
    of a revoked or expired session answer 401 `session_revoked`, those of a session whose
    password has changed since sign-in 401 `password_changed`, and those of a deactivated
    account 401 `account_disabled` (the first such request ends the session on the server).

    On success `request.auth` is the verified AccessToken (its `session_id` names the
    current session).
    """

    www_authenticate_realm = "api"

    def authenticate(self, request):
        token = decode_bearer(request)
        if token is None:
            return None
        return live_session_user(request, token.session_id, token.user_id), token

    def authenticate_header(self, request):
        return f'Bearer realm="{self.www_authenticate_realm}"'
