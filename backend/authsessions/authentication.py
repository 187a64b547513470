"""DRF authentication with the access JWT in an `Authorization: Bearer` header."""
import jwt
from rest_framework.authentication import BaseAuthentication, get_authorization_header

from . import clock
from .exceptions import SessionRevoked, TokenNotValid
from .models import RefreshToken
from .tokens import AccessToken

KEYWORD = b"bearer"


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


class AccessTokenAuthentication(BaseAuthentication):
    """
    Authenticates a request by its access token, and only while the token's session
    is live: one indexed query loads the session's live token together with the user,
    so the API calls of a revoked or expired session answer 401 `session_revoked`.

    On success `request.auth` is the verified AccessToken (its `session_id` names the
    current session).
    """

    www_authenticate_realm = "api"

    def authenticate(self, request):
        token = decode_bearer(request)
        if token is None:
            return None
        live = (
            RefreshToken.objects.active(clock.now())
            .filter(family=token.session_id)
            .select_related("user")
            .first()
        )
        if live is None or str(live.user.pk) != token.user_id:
            raise SessionRevoked()
        if not live.user.is_active:
            raise SessionRevoked()
        return live.user, token

    def authenticate_header(self, request):
        return f'Bearer realm="{self.www_authenticate_realm}"'
