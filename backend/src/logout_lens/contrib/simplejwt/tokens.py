"""simplejwt access tokens for Logout Lens sessions."""
import dataclasses
from datetime import datetime, timezone as dt_timezone

from rest_framework_simplejwt import settings as simplejwt_settings
from rest_framework_simplejwt.tokens import AccessToken as SimpleJwtAccessToken

from ...sessions import clock
from ...sessions.tokens import AccessToken

#: The claim that names the token's Logout Lens session.
SESSION_CLAIM = "sid"


def access_token(user, session_id, now=None):
    """
    A stock simplejwt access token for `user` (`AccessToken.for_user`: its `user_id` claim, and
    the password claim when CHECK_REVOKE_TOKEN is on), issued now on the server's clock for
    simplejwt's ACCESS_TOKEN_LIFETIME, with the session's id as `sid`.
    """
    jwt_settings = simplejwt_settings.api_settings  # read at each call: SIMPLE_JWT may be overridden
    now = (now or clock.now()).replace(microsecond=0)
    token = SimpleJwtAccessToken.for_user(user)
    token.set_iat(at_time=now)
    token.set_exp(from_time=now, lifetime=jwt_settings.ACCESS_TOKEN_LIFETIME)
    token[SESSION_CLAIM] = str(session_id)
    jti = token.get(jwt_settings.JTI_CLAIM, "") if jwt_settings.JTI_CLAIM else ""
    return AccessToken(
        encoded=str(token),
        user_id=str(token[jwt_settings.USER_ID_CLAIM]),
        session_id=session_id,
        issued_at=now,
        expires_at=datetime.fromtimestamp(token["exp"], tz=dt_timezone.utc),
        jti=str(jti),
    )


def with_simplejwt_access(grant):
    """The same grant, its access token a simplejwt one."""
    return dataclasses.replace(grant, access=access_token(grant.user, grant.session_id))
