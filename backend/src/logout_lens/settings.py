"""
Settings of Logout Lens, read from the one `LOGOUT_LENS` dict in Django settings.

Every key is optional except SIGNING_KEY; a key this module does not know is a system check
error (logout_lens.E005), so a typo never silently falls back to a default.

Usage::

    from logout_lens.settings import api_settings
    api_settings.ACCESS_TOKEN_LIFETIME  # -> timedelta

Keys and defaults:

ACCESS_TOKEN_LIFETIME (timedelta or seconds, 1 hour)
    How long an access JWT is valid.
REFRESH_TOKEN_LIFETIME (timedelta or seconds, 7 days)
    Absolute session lifetime without "remember me". Rotation never extends it.
REFRESH_TOKEN_LIFETIME_REMEMBER_ME (timedelta or seconds, 20 days)
    Absolute session lifetime with "remember me".
REFRESH_GRACE_SECONDS (int, 30)
    How long the immediately previous refresh token may be presented again
    (by a racing tab) and receive the same successor.
SIGNING_KEY (str, required)
    Secret for access JWTs. Must differ from SECRET_KEY.
REFRESH_SUCCESSOR_KEY (str, default: derived from SECRET_KEY)
    Secret from which a rotated refresh token's successor is derived (HMAC), so a racing
    tab inside the grace window gets the same successor. Its own key: rotating SIGNING_KEY
    never breaks the grace window.
REFRESH_RECOVERY_SECONDS (int, 3600)
    How long after a rotation the same client (same IP address and user agent as the request
    that rotated it) may present the rotated token again and receive the same successor,
    as long as the successor was never used: that is a lost answer retried (a laptop that
    slept, a restarted server), not a stolen cookie. 0 turns recovery off.
REFRESH_TOKEN_RETENTION (timedelta or seconds, 30 days)
    How long an ended session's rows (revoked or expired) are kept before
    `manage.py prune_refresh_tokens` deletes them.
ALGORITHM (str, "HS256")
    JWT HMAC algorithm: HS256, HS384 or HS512.
ISSUER (str, "logout-lens")
    The `iss` claim written into and required from access tokens.
REFRESH_COOKIE_NAME (str, "ll_refresh"), REFRESH_COOKIE_PATH (str, "/v1/auth/"),
REFRESH_COOKIE_SAMESITE (str, "Strict")
    The refresh cookie; it is always HttpOnly. The path must cover the prefix the project
    includes logout_lens.urls under (a system check warning otherwise, logout_lens.W004).
REFRESH_COOKIE_SECURE (bool, default: not DEBUG)
    Whether the refresh cookie carries the Secure flag (`check --deploy` warns when it does
    not, logout_lens.W003).
CSRF_HEADER_NAME (str, "X-Requested-With"), CSRF_HEADER_VALUE (str, "XMLHttpRequest")
    Header that cookie-authenticated endpoints (refresh, logout, logout-event) require.
APP_LOGOUT_TYPES (list of str, [])
    The app's own reasons a session may end (`withLogoutReasons()` in the Angular library),
    e.g. ["LICENSE_EXPIRED", "TENANT_SWITCHED"]: the audit trail accepts and lists them
    like the built-in ones. Upper case, digits and "_", 3 to 32 characters, not a built-in
    type (a system check error otherwise, logout_lens.E006). A browser's event of a
    well-formed type not listed here is recorded as UNKNOWN with the name in
    `details.reported_type`, and still ends its session on the server.
NUM_PROXIES (int, 0)
    Number of trusted reverse proxies in front of the app; decides which
    X-Forwarded-For entry is the client IP. 0 means REMOTE_ADDR is used.
THROTTLE_RATES (dict of scope -> "N/s|min|hour|day" or None; merged over the defaults,
so a project may set one scope only; None switches a scope off)
    login ("100/min"): every sign-in attempt per client IP, the ceiling for a whole
        office behind one NAT address.
    login_failures ("10/hour"): failed sign-ins per (client IP, account).
    login_account_failures ("50/hour"): failed sign-ins per account from all IPs. The
        trade-off: anyone who knows an address can fail 50 times and keep that account
        from signing in with a password for up to an hour; its existing sessions are not
        touched. A limit stops password guessing spread over many IPs.
    change_password ("10/hour"): change-password attempts per user (a stolen access
        token must not be able to guess the current password).
    logout_event ("60/min"): logout events per client IP.
    logout_event_user ("60/min"): logout events per user, for senders who prove who
        they are (access token or refresh cookie).
    The account is the submitted email or username, lower-cased and stripped; the Django
    admin's sign-in shares the login scopes.
"""
from datetime import timedelta

from django.conf import settings
from django.core.signals import setting_changed
from rest_framework.settings import APISettings


class _FromDebug:
    """A default that follows the live `settings.DEBUG` (optionally negated)."""

    def __init__(self, negate=False):
        self.negate = negate

    def resolve(self):
        return (not settings.DEBUG) if self.negate else bool(settings.DEBUG)


DEFAULTS = {
    "ACCESS_TOKEN_LIFETIME": timedelta(hours=1),
    "REFRESH_TOKEN_LIFETIME": timedelta(days=7),
    "REFRESH_TOKEN_LIFETIME_REMEMBER_ME": timedelta(days=20),
    "REFRESH_GRACE_SECONDS": 30,
    "REFRESH_RECOVERY_SECONDS": 3600,
    "SIGNING_KEY": None,
    "REFRESH_SUCCESSOR_KEY": None,
    "REFRESH_TOKEN_RETENTION": timedelta(days=30),
    "ALGORITHM": "HS256",
    "ISSUER": "logout-lens",
    "REFRESH_COOKIE_NAME": "ll_refresh",
    "REFRESH_COOKIE_PATH": "/v1/auth/",
    "REFRESH_COOKIE_SAMESITE": "Strict",
    "REFRESH_COOKIE_SECURE": _FromDebug(negate=True),
    "CSRF_HEADER_NAME": "X-Requested-With",
    "CSRF_HEADER_VALUE": "XMLHttpRequest",
    "NUM_PROXIES": 0,
    "APP_LOGOUT_TYPES": (),
    "THROTTLE_RATES": {
        "login": "100/min",
        "login_failures": "10/hour",
        "login_account_failures": "50/hour",
        "change_password": "10/hour",
        "logout_event": "60/min",
        "logout_event_user": "60/min",
    },
}

# Keys whose dict value is merged over the default dict rather than replacing it.
MERGED_KEYS = ("THROTTLE_RATES",)

LIFETIME_KEYS = (
    "ACCESS_TOKEN_LIFETIME",
    "REFRESH_TOKEN_LIFETIME",
    "REFRESH_TOKEN_LIFETIME_REMEMBER_ME",
    "REFRESH_TOKEN_RETENTION",
)


class LogoutLensSettings(APISettings):
    """
    DRF's APISettings over `settings.LOGOUT_LENS`, as simplejwt does over SIMPLE_JWT, plus:
    lifetimes given in seconds become timedeltas, THROTTLE_RATES is merged over its defaults,
    and REFRESH_COOKIE_SECURE follows the live DEBUG unless it is set.
    """

    @property
    def user_settings(self):
        if not hasattr(self, "_user_settings"):
            self._user_settings = getattr(settings, "LOGOUT_LENS", None) or {}
        return self._user_settings

    def __getattr__(self, attr):
        if attr not in self.defaults:
            raise AttributeError(f"Invalid LOGOUT_LENS setting: {attr!r}")
        value = super().__getattr__(attr)
        if isinstance(value, _FromDebug):
            # Follows DEBUG at every read, so it is never cached.
            delattr(self, attr)
            self._cached_attrs.discard(attr)
            return value.resolve()
        if attr in LIFETIME_KEYS and not isinstance(value, timedelta):
            value = timedelta(seconds=int(value))
        if attr in MERGED_KEYS:
            value = {**self.defaults[attr], **(value or {})}
        setattr(self, attr, value)
        return value


api_settings = LogoutLensSettings(None, DEFAULTS)
# No key names an import path (DRF would otherwise fall back to its own list).
api_settings.import_strings = ()


def reload_api_settings(*args, setting=None, **kwargs):
    if setting == "LOGOUT_LENS":
        api_settings.reload()


setting_changed.connect(reload_api_settings)
