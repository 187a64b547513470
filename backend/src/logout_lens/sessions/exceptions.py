"""
API errors with machine-readable codes.

Every error body has the shape {"detail": "<sentence>", "code": "<code>"} (see
handlers.py). Clients branch on `code`, never on `detail`.
"""
from rest_framework import exceptions, status


class InvalidCredentials(exceptions.APIException):
    status_code = status.HTTP_401_UNAUTHORIZED
    default_detail = "Email or password is wrong."
    default_code = "invalid_credentials"


class SessionEnded(exceptions.APIException):
    """
    A refresh was refused: the session is over. The cookie is left in place: it can never
    refresh again, and it lets the browser's logout event that follows be tied to its user.
    """

    status_code = status.HTTP_401_UNAUTHORIZED


class RefreshMissing(SessionEnded):
    default_detail = "No refresh token was sent; please sign in."
    default_code = "refresh_missing"


class RefreshRevoked(SessionEnded):
    default_detail = "This session has been signed out; please sign in again."
    default_code = "refresh_revoked"


class RefreshExpired(SessionEnded):
    default_detail = "This session has expired; please sign in again."
    default_code = "refresh_expired"


class RefreshReused(SessionEnded):
    """
    Reuse of a rotated token. `verdict` is the server's reading of its evidence, sent as
    "reuse": "likely_race" (this browser's own requests crossed) or "likely_theft".
    """

    default_detail = (
        "This refresh token was already used, so the session was signed out for safety."
    )
    default_code = "refresh_reused"

    def __init__(self, verdict=None):
        super().__init__()
        self.extra = {"reuse": verdict} if verdict else {}


class PasswordChanged(SessionEnded):
    default_detail = "The password was changed; please sign in with the new password."
    default_code = "password_changed"


ACCOUNT_DISABLED_DETAIL = "This account has been deactivated by an administrator."


class AccountDisabled(SessionEnded):
    default_detail = ACCOUNT_DISABLED_DETAIL
    default_code = "account_disabled"


class AccountDisabledAuth(exceptions.AuthenticationFailed):
    default_detail = ACCOUNT_DISABLED_DETAIL
    default_code = "account_disabled"


class AccountDisabledSignIn(exceptions.APIException):
    """The right password for an account an administrator has deactivated."""

    status_code = status.HTTP_401_UNAUTHORIZED
    default_detail = ACCOUNT_DISABLED_DETAIL
    default_code = "account_disabled"


class TokenNotValid(exceptions.AuthenticationFailed):
    default_detail = "The access token is invalid or expired."
    default_code = "token_not_valid"


class SessionRevoked(exceptions.AuthenticationFailed):
    default_detail = "The session of this access token has ended."
    default_code = "session_revoked"


class PasswordChangedAuth(exceptions.AuthenticationFailed):
    default_detail = "The password was changed; please sign in with the new password."
    default_code = "password_changed"


class CsrfHeaderMissing(exceptions.PermissionDenied):
    default_detail = "This request must carry the X-Requested-With: XMLHttpRequest header."
    default_code = "csrf_header_missing"

