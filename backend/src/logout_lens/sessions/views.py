"""Auth endpoints: sign-in, refresh, sign-out, current user, password, sessions."""
import uuid

from django.contrib.auth.models import update_last_login
from django.db.models import OuterRef, Subquery
from django.shortcuts import get_object_or_404
from rest_framework import status
from rest_framework.exceptions import NotFound
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from . import clock, revocation, sessions
from .client import ClientInfo
from .cookies import clear_refresh_cookie, read_refresh_cookie, set_refresh_cookie
from .models import RefreshToken, RevokeReason, Session
from .api import LogoutLensViewMixin
from .permissions import HasCsrfHeader
from ..schema import (
    SignedOutSerializer,
    answers,
    csrf_header,
    extend_schema,
    retry_after_header,
    session_id_parameter,
    set_cookie_header,
    sign_out_others_parameter,
)
from .serializers import (
    ChangePasswordSerializer,
    LoginSerializer,
    SessionGrantSerializer,
    SessionPolicySerializer,
    SessionSerializer,
    UserSerializer,
    session_policy,
)
from .throttling import LOGIN_THROTTLES, ChangePasswordThrottle


# What sign-in, refresh and sign-out answer, for their schema (shared with logout_lens.contrib).
SIGN_IN_ANSWERS = {
    "responses": answers(
        {200: SessionGrantSerializer},
        "bad_request", "sign_in_refused", "unsupported_media_type", "throttled",
    ),
    "parameters": [set_cookie_header("The refresh cookie of the new session."), retry_after_header()],
}
REFRESH_ANSWERS = {
    "request": None,
    "responses": answers({200: SessionGrantSerializer}, "session_over", "csrf_header_missing"),
    "parameters": [csrf_header(), set_cookie_header("The rotated refresh cookie.")],
}
SIGN_OUT_ANSWERS = {
    "request": None,
    "responses": answers({200: SignedOutSerializer}, "csrf_header_missing"),
    "parameters": [csrf_header(), set_cookie_header("The refresh cookie, expired.")],
}


class CookieEndpoint(LogoutLensViewMixin, APIView):
    """Authenticated by the refresh cookie (plus the CSRF header), not by an access token."""

    authentication_classes = ()
    permission_classes = (HasCsrfHeader,)


# One serializer for every grant: to_representation() keeps no state, and building a serializer's
# fields (a deep copy per instance) cost more than the representation itself.
_GRANT_SERIALIZER = SessionGrantSerializer()


class GrantMixin:
    """Answers a grant: its body, and the refresh token in the cookie."""

    grant_serializer = _GRANT_SERIALIZER

    def grant_response(self, grant):
        response = Response(self.grant_serializer.to_representation(grant))
        set_refresh_cookie(response, grant.refresh_value, grant.cookie_max_age)
        return response


class LoginView(GrantMixin, LogoutLensViewMixin, APIView):
    authentication_classes = ()
    permission_classes = (AllowAny,)
    # Checked before the password: all attempts per IP, failures per (IP, account) and per account.
    throttle_classes = LOGIN_THROTTLES
    account_field = "email"
    login_serializer_class = LoginSerializer

    @extend_schema(
        operation_id="login",
        tags=["auth"],
        summary="Sign in",
        description="Checks the email and password and starts a session: the grant in the body, "
        "the refresh token in the `ll_refresh` cookie (HttpOnly, SameSite=Strict).",
        request=LoginSerializer,
        **SIGN_IN_ANSWERS,
    )
    def post(self, request):
        serializer = self.login_serializer_class(data=request.data, context={"request": request})
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        grant = sessions.start_session(
            data["user"],
            remember_me=data["remember_me"],
            device_id=data["device_id"],
            client=ClientInfo.from_request(request),
        )
        update_last_login(None, data["user"])
        return self.grant_response(grant)


class RefreshView(GrantMixin, CookieEndpoint):
    @extend_schema(
        operation_id="refresh",
        tags=["auth"],
        summary="Refresh the session",
        description="Rotates the refresh cookie and answers a new grant, or 401 with the "
        "session-over code when the session has ended. Any other failure is transient.",
        **REFRESH_ANSWERS,
    )
    def post(self, request):
        grant = sessions.refresh_session(
            read_refresh_cookie(request), ClientInfo.from_request(request)
        )
        return self.grant_response(grant)


# Clear-Site-Data on sign-out drops the browser's HTTP cache. Deliberately not "cookies": it
# clears every cookie of the registrable domain (SSO and other apps on example.com when this
# runs at lens.corp.example.com); the refresh cookie is expired explicitly instead. Not
# "storage" either: localStorage holds the logout history and the device id that Logout Lens
# exists to show after the user has signed out.
LOGOUT_CLEAR_SITE_DATA = '"cache"'


class LogoutView(CookieEndpoint):
    @extend_schema(
        operation_id="logout",
        tags=["auth"],
        summary="Sign out",
        description="Revokes this session's refresh tokens (if the cookie names a live one) and "
        "clears the cookie; answered 200 without a cookie too.",
        **SIGN_OUT_ANSWERS,
    )
    def post(self, request):
        revocation.end_session(read_refresh_cookie(request), ClientInfo.from_request(request))
        response = Response({"detail": "Signed out."})
        clear_refresh_cookie(response)
        response["Clear-Site-Data"] = LOGOUT_CLEAR_SITE_DATA
        return response


class PolicyView(LogoutLensViewMixin, APIView):
    """The session policy, for a sign-in page to state before anyone signs in."""

    authentication_classes = ()
    permission_classes = (AllowAny,)

    @extend_schema(
        operation_id="policy",
        tags=["auth"],
        summary="The session policy",
        description="How long access tokens and sessions (with and without \"Remember me\") "
        "last, in seconds. Public: it says nothing about anyone.",
        responses=answers({200: SessionPolicySerializer}),
    )
    def get(self, request):
        return Response(session_policy())


class MeView(LogoutLensViewMixin, APIView):
    @extend_schema(
        operation_id="me",
        tags=["auth"],
        summary="The signed-in user",
        description="The user of the access token's session, while that session is live.",
        responses=answers({200: UserSerializer}, "access_refused"),
    )
    def get(self, request):
        return Response(UserSerializer(request.user).data)


class ChangePasswordView(GrantMixin, LogoutLensViewMixin, APIView):
    """
    Changes the password and ends every session of the user as PASSWORD_CHANGED, this one
    included; this browser is then signed in again with a fresh session on the same device
    and remember-me choice, answered like a sign-in (grant body and refresh cookie).
    """

    throttle_classes = (ChangePasswordThrottle,)

    @extend_schema(
        operation_id="change_password",
        tags=["auth"],
        summary="Change the password",
        request=ChangePasswordSerializer,
        responses=answers(
            {200: SessionGrantSerializer},
            "bad_request", "access_refused", "unsupported_media_type", "throttled",
        ),
        parameters=[set_cookie_header("The refresh cookie of the fresh session."), retry_after_header()],
    )
    def post(self, request):
        serializer = ChangePasswordSerializer(data=request.data, context={"request": request})
        serializer.is_valid(raise_exception=True)
        current = Session.objects.get(pk=request.auth.session_id)
        client = ClientInfo.from_request(request)
        user = serializer.save()
        revocation.revoke_user_sessions(user, RevokeReason.PASSWORD_CHANGED, client)
        # Started after the save, so it carries the new password's fingerprint.
        grant = sessions.start_session(
            user, remember_me=current.remember_me, device_id=current.device_id, client=client
        )
        return self.grant_response(grant)


class SessionListView(LogoutLensViewMixin, APIView):
    """GET: the user's live sessions. DELETE ?others=1: sign out every other session."""

    def get_queryset(self):
        started = RefreshToken.objects.filter(
            family=OuterRef("family"), parent__isnull=True
        ).values("created_at")[:1]
        return (
            RefreshToken.objects.active(clock.now())
            .heads()
            .filter(user=self.request.user)
            .annotate(session_started_at=Subquery(started))
            .order_by("-last_used_at")
        )

    @extend_schema(
        operation_id="sessions_list",
        tags=["sessions"],
        summary="The user's live sessions",
        description="Most recently used first; `current` marks this one.",
        responses=answers({200: SessionSerializer(many=True)}, "access_refused"),
    )
    def get(self, request):
        context = {"current_session_id": request.auth.session_id}
        return Response(SessionSerializer(self.get_queryset(), many=True, context=context).data)

    @extend_schema(
        operation_id="sessions_delete_others",
        tags=["sessions"],
        summary="Sign out every other session",
        description="Ends every live session of the user except this one.",
        parameters=[sign_out_others_parameter()],
        responses=answers({204: None}, "bad_request", "access_refused"),
    )
    def delete(self, request):
        if request.query_params.get("others") not in ("1", "true"):
            return Response(
                {"detail": "Pass ?others=1 to sign out every other session.", "code": "invalid"},
                status=status.HTTP_400_BAD_REQUEST,
            )
        revocation.revoke_user_sessions(
            request.user,
            RevokeReason.REVOKED,
            ClientInfo.from_request(request),
            except_family=request.auth.session_id,
        )
        return Response(status=status.HTTP_204_NO_CONTENT)


class SessionDetailView(LogoutLensViewMixin, APIView):
    """DELETE: sign out one of the user's sessions (404 if it is not theirs or not live)."""

    @extend_schema(
        operation_id="session_delete",
        tags=["sessions"],
        summary="Sign out one session",
        description="Ends one of the user's live sessions; 404 when it is not theirs or not live.",
        parameters=[session_id_parameter()],
        responses=answers({204: None}, "access_refused", "not_found"),
    )
    def delete(self, request, session_id):
        try:
            session_id = uuid.UUID(session_id)
        except ValueError:
            raise NotFound()
        get_object_or_404(
            RefreshToken.objects.active(clock.now()).heads(),
            user=request.user,
            family=session_id,
        )
        revocation.revoke_user_sessions(
            request.user,
            RevokeReason.REVOKED,
            ClientInfo.from_request(request),
            only_family=session_id,
        )
        return Response(status=status.HTTP_204_NO_CONTENT)
