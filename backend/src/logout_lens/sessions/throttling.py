"""
Rate limits on the configured cache, built on DRF's SimpleRateThrottle (history lists of
timestamps, `parse_rate`). Rates come from LOGOUT_LENS["THROTTLE_RATES"] at request time.

Sign-in is gated before the password is checked, by three limits (see settings.py):

- `LoginIPThrottle` ("login"): every attempt per client IP, a ceiling high enough for an
  office behind one NAT address;
- `LoginFailureThrottle` ("login_failures"): failed sign-ins per (client IP, account);
- `LoginAccountFailureThrottle` ("login_account_failures"): failed sign-ins per account,
  from every IP.

Checking a failure limit records nothing. Failures are recorded by `record_login_failure`,
a receiver of Django's `user_login_failed`, which `authenticate()` sends for every failed
sign-in: the API's and the Django admin's (gated by `throttle_sign_in`). A successful
sign-in is never a failure.
"""
import hashlib
import math
from functools import wraps
from types import SimpleNamespace

from django.contrib.auth.signals import user_login_failed
from django.core.exceptions import ImproperlyConfigured
from django.dispatch import receiver
from django.http import HttpResponse
from rest_framework.request import Request
from rest_framework.throttling import SimpleRateThrottle

from .client import client_ip
from ..settings import api_settings


class LiveRatesMixin:
    """Reads the rate of `scope` from LOGOUT_LENS["THROTTLE_RATES"] (throttles are made per request)."""

    def get_rate(self):
        try:
            return api_settings.THROTTLE_RATES[self.scope]
        except KeyError:
            raise ImproperlyConfigured(f"LOGOUT_LENS['THROTTLE_RATES'] has no rate for {self.scope!r}.")


class IPRateThrottle(LiveRatesMixin, SimpleRateThrottle):
    """Every request per client IP; subclasses set `scope`."""

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": f"ip:{client_ip(request)}"}


class UserRateThrottle(LiveRatesMixin, SimpleRateThrottle):
    """Every request per authenticated user, wherever it comes from; subclasses set `scope`."""

    def get_cache_key(self, request, view):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None
        return self.cache_format % {"scope": self.scope, "ident": f"user:{user.pk}"}


class ChangePasswordThrottle(UserRateThrottle):
    """A stolen access token must not be able to guess the current password without limit."""

    scope = "change_password"


class LoginIPThrottle(IPRateThrottle):
    scope = "login"


def account_key(identifier):
    """
    The cache identity of a submitted email or username: lower-cased and stripped, then
    hashed, so the cache holds no addresses. None when nothing usable was submitted.
    """
    if not isinstance(identifier, str) or not identifier.strip():
        return None
    normal = identifier.strip().lower().encode("utf-8", "surrogatepass")
    return hashlib.sha256(normal).hexdigest()


def submitted_account(request, view):
    """The account a sign-in request names: the view's `account_field` of the body."""
    data = request.data if isinstance(request, Request) else request.POST
    value = data.get(getattr(view, "account_field", "username")) if hasattr(data, "get") else None
    return value if isinstance(value, str) else None


class FailedLoginThrottle(LiveRatesMixin, SimpleRateThrottle):
    """
    Refuses a sign-in while its key already has `rate` failures in the window; checking
    records nothing, `record()` adds one failure. Subclasses set `scope` and `ident()`.
    """

    def ident(self, ip, account):
        raise NotImplementedError

    def key_for(self, ip, account):
        ident = self.ident(ip, account)
        return None if ident is None else self.cache_format % {"scope": self.scope, "ident": ident}

    def get_cache_key(self, request, view):
        return self.key_for(client_ip(request), account_key(submitted_account(request, view)))

    def _recent(self, key):
        return [t for t in self.cache.get(key, []) if t > self.now - self.duration]

    def allow_request(self, request, view):
        if self.rate is None:
            return True
        self.key = self.get_cache_key(request, view)
        if self.key is None:
            return True
        self.now = self.timer()
        self.history = self._recent(self.key)
        return len(self.history) < self.num_requests

    def wait(self):
        """Seconds until the oldest failure that still counts leaves the window."""
        if 0 < self.num_requests <= len(self.history):
            return max(self.history[self.num_requests - 1] + self.duration - self.now, 1)
        return self.duration

    def record(self, ip, account):
        if self.rate is None:
            return
        key = self.key_for(ip, account)
        if key is None:
            return
        self.now = self.timer()
        # Newest first, as DRF keeps it; more entries than the limit would change nothing.
        history = [self.now, *self._recent(key)][: max(self.num_requests, 1)]
        self.cache.set(key, history, self.duration)


class LoginFailureThrottle(FailedLoginThrottle):
    """Failures per (client IP, account): colleagues behind the same NAT keep their own budgets."""

    scope = "login_failures"

    def ident(self, ip, account):
        return None if account is None else f"ip:{ip}:account:{account}"


class LoginAccountFailureThrottle(FailedLoginThrottle):
    """
    Failures per account from every IP: guessing spread over many addresses is limited too.

    The lock-out trade-off: anyone who knows an account's email can fail this many times and
    keep that account from signing in with its password until the window moves on (Retry-After
    says when). The rate is therefore generous, and its sessions are never touched: a signed-in
    user stays signed in, refreshing as usual.
    """

    scope = "login_account_failures"

    def ident(self, ip, account):
        return None if account is None else f"account:{account}"


LOGIN_THROTTLES = (LoginIPThrottle, LoginFailureThrottle, LoginAccountFailureThrottle)
FAILURE_THROTTLES = (LoginFailureThrottle, LoginAccountFailureThrottle)
ACCOUNT_CREDENTIALS = ("email", "username")


@receiver(user_login_failed, dispatch_uid="logout_lens.sessions.record_login_failure")
def record_login_failure(sender, credentials, request=None, **kwargs):
    """
    Counts a failed `authenticate()` against its (client IP, account) and its account.
    Calls without a request (code, management commands) are not sign-ins from a network.
    """
    if request is None:
        return
    submitted = next(
        (credentials[k] for k in ACCOUNT_CREDENTIALS if isinstance(credentials.get(k), str)), None
    )
    ip, account = client_ip(request), account_key(submitted)
    for throttle_class in FAILURE_THROTTLES:
        throttle_class().record(ip, account)


def sign_in_wait(request, view):
    """As DRF's `APIView.check_throttles` does for login/: None if allowed, else seconds to wait."""
    waits = [t.wait() for t in (cls() for cls in LOGIN_THROTTLES) if not t.allow_request(request, view)]
    if not waits:
        return None
    return max((w for w in waits if w is not None), default=60)


def throttle_sign_in(view_func, account_field="username"):
    """
    The login/ gate around a Django sign-in view (the admin's): a POST is answered 429, in
    plain text with Retry-After, while a login limit is reached. Its failures are counted by
    `record_login_failure`, as the view signs in through `authenticate()`.
    """
    spec = SimpleNamespace(account_field=account_field)

    @wraps(view_func)
    def gated(request, *args, **kwargs):
        wait = sign_in_wait(request, spec) if request.method == "POST" else None
        if wait is None:
            return view_func(request, *args, **kwargs)
        seconds = max(1, math.ceil(wait))
        response = HttpResponse(
            f"Too many sign-in attempts. Try again in {seconds} seconds.\n",
            status=429,
            content_type="text/plain; charset=utf-8",
        )
        response["Retry-After"] = str(seconds)
        response["Cache-Control"] = "no-store"
        return response

    return gated
