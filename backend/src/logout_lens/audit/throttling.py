"""
Rate limits on logout events: per client IP for everyone (scope "logout_event"), and per
user for senders who prove who they are (scope "logout_event_user"). Nothing in the body
decides a budget: a device id is only the client's word, and anyone who knew it could
use up its owner's budget.
"""
from rest_framework.throttling import SimpleRateThrottle

from logout_lens.sessions.throttling import IPRateThrottle, LiveRatesMixin

from .identify import sender_of


class LogoutEventIPThrottle(IPRateThrottle):
    scope = "logout_event"


class LogoutEventUserThrottle(LiveRatesMixin, SimpleRateThrottle):
    """Limits a verified sender (access token or refresh cookie) on any network."""

    scope = "logout_event_user"

    def get_cache_key(self, request, view):
        sender = sender_of(request)
        if not sender.verified:
            return None
        return self.cache_format % {"scope": self.scope, "ident": f"user:{sender.user.pk}"}
