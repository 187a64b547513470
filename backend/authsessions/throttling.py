"""Rate limits on the configured cache, keyed by the client IP (see client.py)."""
from django.core.exceptions import ImproperlyConfigured
from rest_framework.settings import api_settings as drf_settings
from rest_framework.throttling import ScopedRateThrottle, SimpleRateThrottle

from .client import client_ip


class LiveRatesMixin:
    """Reads the rate from REST_FRAMEWORK at request time, so setting changes apply at once."""

    def get_rate(self):
        try:
            return drf_settings.DEFAULT_THROTTLE_RATES[self.scope]
        except KeyError:
            raise ImproperlyConfigured(f"No default throttle rate set for {self.scope!r} scope")


class ScopedIPThrottle(LiveRatesMixin, ScopedRateThrottle):
    """DRF's scoped throttle (the view's `throttle_scope`), by client IP."""

    def get_ident(self, request):
        return f"ip:{client_ip(request)}"


class IPRateThrottle(LiveRatesMixin, SimpleRateThrottle):
    """A fixed-scope throttle by client IP; subclasses set `scope`."""

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": f"ip:{client_ip(request)}"}
