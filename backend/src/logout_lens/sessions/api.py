"""
What every Logout Lens view declares itself, so that it answers the same in any project: whatever
the host's REST_FRAMEWORK settings say (its default authentication, parsers, renderers,
throttles or exception handler), bodies are JSON of at most 16 KB, errors are
{"detail", "code"}, access tokens are Logout Lens's own, rate limits come from
LOGOUT_LENS["THROTTLE_RATES"] and no answer about a session is cached.
"""
from rest_framework.permissions import IsAuthenticated
from rest_framework.renderers import JSONRenderer

from .authentication import AccessTokenAuthentication
from .handlers import json_exception_handler
from .no_store import NoStoreMixin
from .parsers import LimitedBodyMixin, LimitedJSONParser


class LogoutLensViewMixin(LimitedBodyMixin, NoStoreMixin):
    """Put before APIView (or a generic view) in the bases of each of the package's views."""

    renderer_classes = (JSONRenderer,)
    parser_classes = (LimitedJSONParser,)
    authentication_classes = (AccessTokenAuthentication,)
    permission_classes = (IsAuthenticated,)
    # Views with limits declare their own throttles; the host's defaults never apply.
    throttle_classes = ()
    versioning_class = None

    def get_exception_handler(self):
        return json_exception_handler
