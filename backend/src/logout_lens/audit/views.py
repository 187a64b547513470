"""Logout event intake (any browser) and the audit trail listing (signed-in users)."""
from rest_framework import generics, status
from rest_framework.pagination import LimitOffsetPagination
from rest_framework.response import Response
from rest_framework.views import APIView

from logout_lens.sessions.client import ClientInfo
from logout_lens.sessions.api import LogoutLensViewMixin
from logout_lens.sessions.permissions import HasCsrfHeader

from .identify import sender_of
from .logline import log_event
from .models import LogoutEvent
from .revoke import revoke_reported_session
from .serializers import (
    LogoutEventFilterSerializer,
    LogoutEventInputSerializer,
    LogoutEventSerializer,
)
from .throttling import LogoutEventIPThrottle, LogoutEventUserThrottle


class LogoutEventCreateView(LogoutLensViewMixin, APIView):
    """
    POST logout-event/: store and log one logout event. Accepted from signed-in and
    signed-out browsers; tied to a user only when the request proves who it is. A proven
    sender's event also ends the session it reports on the server (see revoke.py), so a
    sign-out the browser decided, and sent late through its outbox, ends there too. A record
    the browser delivers again (same device, same details.client_event_id) is stored once:
    the second delivery is answered 200 with the first one's id.
    """

    authentication_classes = ()
    permission_classes = (HasCsrfHeader,)
    throttle_classes = (LogoutEventIPThrottle, LogoutEventUserThrottle)

    def post(self, request):
        context = {"sender": sender_of(request), "client": ClientInfo.from_request(request)}
        serializer = LogoutEventInputSerializer(data=request.data, context=context)
        serializer.is_valid(raise_exception=True)
        event = serializer.save()
        if serializer.duplicate:
            # Delivered again (a lost answer, two tabs flushing the same queue): already stored,
            # logged and acted on.
            return Response(
                {"id": event.id, "verified": event.verified, "session_revoked": False, "duplicate": True},
                status=status.HTTP_200_OK,
            )
        log_event(event)
        revoked = revoke_reported_session(event, context["sender"], context["client"])
        return Response(
            {"id": event.id, "verified": event.verified, "session_revoked": revoked},
            status=status.HTTP_201_CREATED,
        )


class AuditPagination(LimitOffsetPagination):
    default_limit = 50
    max_limit = 200


class LogoutEventListView(LogoutLensViewMixin, generics.ListAPIView):
    """GET logout-events/: newest first; staff see everyone's, other users their own."""

    serializer_class = LogoutEventSerializer
    pagination_class = AuditPagination
    filter_backends = ()

    def get_queryset(self):
        filters = LogoutEventFilterSerializer(data=self.request.query_params)
        filters.is_valid(raise_exception=True)
        queryset = LogoutEvent.objects.select_related("user").order_by("-server_time", "-id")
        if not self.request.user.is_staff:
            queryset = queryset.filter(user=self.request.user)
        return filters.filter(queryset)
