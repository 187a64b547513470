"""
Obtain, refresh, sign-out and policy for a simplejwt project: Logout Lens's own views, answering
simplejwt access tokens. Mount them with `include("logout_lens.contrib.simplejwt.urls")`.
"""
from rest_framework.response import Response

from ...schema import answers, extend_schema
from ...sessions import views
from ...sessions.serializers import SessionPolicySerializer
from .serializers import ObtainSerializer, SimpleJwtGrantSerializer, simplejwt_session_policy, username_field
from .tokens import with_simplejwt_access

_GRANT_SERIALIZER = SimpleJwtGrantSerializer()


class SimpleJwtGrantMixin:
    grant_serializer = _GRANT_SERIALIZER

    def grant_response(self, grant):
        return super().grant_response(with_simplejwt_access(grant))


class ObtainView(SimpleJwtGrantMixin, views.LoginView):
    login_serializer_class = ObtainSerializer

    @property
    def account_field(self):
        return username_field()

    @extend_schema(
        operation_id="simplejwt_obtain",
        tags=["simplejwt"],
        summary="Sign in (simplejwt)",
        description="Checks the USERNAME_FIELD and password and starts a session: a simplejwt "
        "access token in the body, the refresh token in the `ll_refresh` cookie (HttpOnly).",
        request=ObtainSerializer,
        **views.SIGN_IN_ANSWERS,
    )
    def post(self, request):
        return super().post(request)


class RefreshView(SimpleJwtGrantMixin, views.RefreshView):
    @extend_schema(
        operation_id="simplejwt_refresh",
        tags=["simplejwt"],
        summary="Refresh the session (simplejwt)",
        description="Rotates the refresh cookie and answers a new simplejwt access token, or 401 "
        "with the session-over code (`refresh_expired`, `refresh_revoked`, `refresh_reused`, "
        "`password_changed`, `account_disabled`, `refresh_missing`).",
        **views.REFRESH_ANSWERS,
    )
    def post(self, request):
        return super().post(request)


class LogoutView(views.LogoutView):
    @extend_schema(
        operation_id="simplejwt_logout",
        tags=["simplejwt"],
        summary="Sign out (simplejwt)",
        description="Revokes this session's refresh tokens (if the cookie names a live one) and "
        "clears the cookie; answered 200 without a cookie too.",
        **views.SIGN_OUT_ANSWERS,
    )
    def post(self, request):
        return super().post(request)


class PolicyView(views.PolicyView):
    @extend_schema(
        operation_id="simplejwt_policy",
        tags=["simplejwt"],
        summary="The session policy (simplejwt)",
        description="simplejwt's access-token lifetime and Logout Lens's session lifetimes "
        '(with and without "Remember me"), in seconds.',
        responses=answers({200: SessionPolicySerializer}),
    )
    def get(self, request):
        return Response(simplejwt_session_policy())
