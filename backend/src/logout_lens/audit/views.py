"""Logout event intake (any browser) and the audit trail listing (signed-in users)."""
from rest_framework import generics, status
from rest_framework.pagination import LimitOffsetPagination
from rest_framework.response import Response
from rest_framework.views import APIView

from logout_lens.sessions.client import ClientInfo
from logout_lens.sessions.api import LogoutLensViewMixin
from logout_lens.sessions.permissions import HasCsrfHeader
from logout_lens.schema import (
    answers,
    csrf_header,
    extend_schema,
    extend_schema_view,
    retry_after_header,
)

from .identify import sender_of
from .logline import log_event
from .models import LogoutEvent
from .revoke import revoke_reported_session
from .serializers import (
    LogoutEventFilterSerializer,
    LogoutEventInputSerializer,
    LogoutEventReceiptSerializer,
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

    @extend_schema(
        operation_id="logout_event_create",
        tags=["audit"],
        summary="Report a logout event",
        description="Stores one logout event, from a signed-in or a signed-out browser. It is "
        "`verified` (tied to a user) when the request carries a valid access token or the refresh "
        "cookie of any of the user's sessions, and a verified event ends the session it names. "
        "A record delivered again (same device_id and details.client_event_id) is stored once.",
        request=LogoutEventInputSerializer,
        responses=answers(
            {
                201: (LogoutEventReceiptSerializer, "Stored."),
                200: (
                    LogoutEventReceiptSerializer,
                    "Delivered before (same device_id and details.client_event_id): not stored "
                    "again; `duplicate` is true.",
                ),
            },
            "bad_request", "csrf_header_missing", "unsupported_media_type", "throttled",
        ),
        parameters=[csrf_header(), retry_after_header()],
    )
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


@extend_schema_view(
    get=extend_schema(
        operation_id="logout_events_list",
        tags=["audit"],
        summary="The audit trail",
        description="Newest first. Staff see everyone's events (and may filter by `user`: an id "
        "or an email), other users their own.",
        parameters=[LogoutEventFilterSerializer],
        responses=answers({200: LogoutEventSerializer}, "bad_request", "access_refused"),
    )
)
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
