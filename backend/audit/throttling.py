"""Rate limits on logout events: per client IP and per device id (scope "logout_event")."""
import re

from rest_framework.throttling import SimpleRateThrottle

from authsessions.throttling import IPRateThrottle, LiveRatesMixin

DEVICE_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")


class LogoutEventIPThrottle(IPRateThrottle):
    scope = "logout_event"


class LogoutEventDeviceThrottle(LiveRatesMixin, SimpleRateThrottle):
    """Limits one browser (its device_id) even when it changes networks."""

    scope = "logout_event"

    def get_cache_key(self, request, view):
        data = request.data
        device_id = data.get("device_id") if isinstance(data, dict) else None
        if not isinstance(device_id, str) or not DEVICE_ID.fullmatch(device_id):
            return None
        return self.cache_format % {"scope": self.scope, "ident": f"device:{device_id}"}
