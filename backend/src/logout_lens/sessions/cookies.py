"""The refresh cookie: HttpOnly, SameSite=Strict, scoped to the auth endpoints."""
from ..settings import api_settings

EPOCH = "Thu, 01 Jan 1970 00:00:00 GMT"


def read_refresh_cookie(request):
    """The raw refresh token the browser sent, or None."""
    return request.COOKIES.get(api_settings.REFRESH_COOKIE_NAME) or None


def _cookie_options():
    return {
        "path": api_settings.REFRESH_COOKIE_PATH,
        "secure": bool(api_settings.REFRESH_COOKIE_SECURE),
        "httponly": True,
        "samesite": api_settings.REFRESH_COOKIE_SAMESITE,
    }


def set_refresh_cookie(response, raw, max_age):
    """Store the refresh token in the browser until the session's absolute expiry."""
    response.set_cookie(
        api_settings.REFRESH_COOKIE_NAME, raw, max_age=int(max_age), **_cookie_options()
    )


def clear_refresh_cookie(response):
    """Delete the refresh cookie (same name, path and flags, Max-Age=0)."""
    response.set_cookie(
        api_settings.REFRESH_COOKIE_NAME, "", max_age=0, expires=EPOCH, **_cookie_options()
    )
