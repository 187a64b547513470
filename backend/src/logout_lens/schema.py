"""
The OpenAPI 3 description of Logout Lens's endpoints, for drf-spectacular (the `openapi` extra:
``pip install "django-logout-lens[openapi]"``).

drf-spectacular is optional: without it this module still imports, `extend_schema`,
`extend_schema_view` and `extend_schema_field` are decorators that change nothing, and the
helpers for responses and parameters return None.
With it, importing this module (the apps' ready() does) registers

- the security schemes: `bearerAuth` (http bearer JWT, `AccessTokenAuthentication`) and
  `refreshCookie` (apiKey in the refresh cookie, `RefreshCookieAuthentication`);
- the schema of the audit trail's own serializer fields (JSONObjectField, SecondsField);
- how the cookie-authenticated endpoints appear: refresh/ and logout/ authenticated by the
  refresh cookie, logout-event/ by an access token, the cookie or nothing.

The views carry the rest (`@extend_schema` with the helpers below): request and response bodies,
and every error status with its {detail, code} body. `logout_lens_endpoints_only` is a
PREPROCESSING_HOOKS entry for a project whose schema should hold Logout Lens's endpoints only
(the example project's).

Regenerate the committed schema of the example project with
``cd backend && LL_ENV=development python manage.py spectacular --validate --fail-on-warn --file openapi.yaml``.
"""
from rest_framework import exceptions as drf_exceptions
from rest_framework import serializers
from rest_framework.authentication import BaseAuthentication

from .sessions.exceptions import (
    AccountDisabledAuth,
    AccountDisabledSignIn,
    CsrfHeaderMissing,
    InvalidCredentials,
    PasswordChangedAuth,
    SessionEnded,
    SessionRevoked,
    TokenNotValid,
)
from .sessions.parsers import MAX_BODY_BYTES, PayloadTooLarge
from .settings import api_settings

try:
    from drf_spectacular.extensions import (
        OpenApiAuthenticationExtension,
        OpenApiSerializerExtension,
        OpenApiSerializerFieldExtension,
        OpenApiViewExtension,
    )
    from drf_spectacular.plumbing import build_bearer_security_scheme_object
    from drf_spectacular.types import OpenApiTypes
    from drf_spectacular.utils import (
        OpenApiParameter,
        OpenApiResponse,
        extend_schema,
        extend_schema_field,
        extend_schema_view,
    )
except ImportError:  # drf-spectacular is not installed: nothing to describe the API to.
    HAVE_SPECTACULAR = False

    def extend_schema(*args, **kwargs):
        return lambda target: target

    extend_schema_field = extend_schema_view = extend_schema
else:
    HAVE_SPECTACULAR = True

# The codes of a refresh refused because the session is over (a SessionEnded error): the
# browser signs out on these and on nothing else.
SESSION_OVER_CODES = tuple(error.default_code for error in SessionEnded.__subclasses__())
# An access token refused (every Bearer endpoint's 401).
ACCESS_REFUSED_CODES = tuple(
    error.default_code
    for error in (
        drf_exceptions.NotAuthenticated,
        TokenNotValid,
        SessionRevoked,
        PasswordChangedAuth,
        AccountDisabledAuth,
    )
)
# A sign-in refused (login/'s 401).
SIGN_IN_REFUSED_CODES = (InvalidCredentials.default_code, AccountDisabledSignIn.default_code)
INVALID_INPUT_CODES = ("invalid", drf_exceptions.ParseError.default_code)
REUSE_VERDICTS = ("likely_race", "likely_theft")


def _enum_field(component, codes, description, **kwargs):
    """A ChoiceField whose values are the enum schema component `component`."""
    field_class = type(f"{component}Field", (serializers.ChoiceField,), {"__module__": __name__})
    field_class = extend_schema_field(
        {"type": "string", "enum": list(codes), "description": description},
        component_name=component,
    )(field_class)
    return field_class(choices=codes, **kwargs)


DETAIL_HELP = "A sentence for people. Clients branch on `code`, never on `detail`."


class ErrorSerializer(serializers.Serializer):
    """Every error answer: a sentence and a machine-readable code."""

    detail = serializers.CharField(help_text=DETAIL_HELP)
    code = serializers.CharField(help_text="Machine-readable; the response's description lists the values.")


class InvalidInputErrorSerializer(serializers.Serializer):
    """
    400: invalid input (`invalid`, with the messages per field in `errors`), or a body or
    Content-Length that cannot be parsed (`parse_error`).
    """

    detail = serializers.CharField(help_text=DETAIL_HELP)
    code = _enum_field("InvalidInputCode", INVALID_INPUT_CODES, "Why the request was refused.")
    errors = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        required=False,
        help_text="Messages per field (`non_field_errors` for the body as a whole).",
    )


class SessionOverErrorSerializer(serializers.Serializer):
    """401 of refresh/: the session is over, sign in again."""

    detail = serializers.CharField(help_text=DETAIL_HELP)
    code = _enum_field(
        "SessionOverCode",
        SESSION_OVER_CODES,
        "Why the session is over. The browser signs out on these codes, and only on these.",
    )
    reuse = _enum_field(
        "ReuseVerdict",
        REUSE_VERDICTS,
        "With `refresh_reused`: the server's reading of its evidence (this browser's own "
        "requests crossed, or another client used the token).",
        required=False,
    )


class AccessRefusedErrorSerializer(serializers.Serializer):
    """401 of a Bearer endpoint: no access token, an invalid one, or one of a session that ended."""

    detail = serializers.CharField(help_text=DETAIL_HELP)
    code = _enum_field("AccessRefusedCode", ACCESS_REFUSED_CODES, "Why the access token was refused.")


class SignInRefusedErrorSerializer(serializers.Serializer):
    """401 of login/."""

    detail = serializers.CharField(help_text=DETAIL_HELP)
    code = _enum_field("SignInRefusedCode", SIGN_IN_REFUSED_CODES, "Why the sign-in was refused.")


class SignedOutSerializer(serializers.Serializer):
    detail = serializers.CharField()


class RefreshCookieAuthentication(BaseAuthentication):
    """
    The refresh cookie, as the schema names it. refresh/ and logout/ (and logout-event/) read
    the cookie themselves - a missing or spent one is their own 401 with a session-over code -
    so no view authenticates with this class: it gives the cookie's security scheme a class
    to be described by. It never authenticates a request.
    """

    def authenticate(self, request):
        return None


# The errors an endpoint can answer, by name: (status, serializer, description).
ERRORS = {
    "bad_request": (
        400,
        InvalidInputErrorSerializer,
        "`invalid`: the body or query failed validation (`errors` says where); "
        "`parse_error`: malformed JSON or Content-Length.",
    ),
    "bad_content_length": (
        400,
        InvalidInputErrorSerializer,
        "`parse_error`: malformed Content-Length (the body itself is never read).",
    ),
    "sign_in_refused": (
        401,
        SignInRefusedErrorSerializer,
        "`invalid_credentials`, or `account_disabled` for the right password of a deactivated account.",
    ),
    "session_over": (
        401,
        SessionOverErrorSerializer,
        "The session is over (one of the `SessionOverCode`s): sign in again.",
    ),
    "access_refused": (
        401,
        AccessRefusedErrorSerializer,
        "No usable access token (one of the `AccessRefusedCode`s).",
    ),
    "csrf_header_missing": (
        403,
        ErrorSerializer,
        f"`{CsrfHeaderMissing.default_code}`: the request lacks the CSRF header.",
    ),
    "not_found": (404, ErrorSerializer, "`not_found`."),
    "payload_too_large": (
        413,
        ErrorSerializer,
        f"`{PayloadTooLarge.default_code}`: the body is over {MAX_BODY_BYTES // 1024} KB "
        "(refused on its Content-Length before it is read).",
    ),
    "unsupported_media_type": (
        415,
        ErrorSerializer,
        "`unsupported_media_type`: the body is not application/json.",
    ),
    "throttled": (429, ErrorSerializer, "`throttled`: a rate limit; Retry-After says when to try again."),
}
# What any of the package's endpoints may answer, whatever it does (LimitedBodyMixin).
EVERY_ENDPOINT = ("bad_content_length", "payload_too_large")


def answers(success, *errors):
    """
    The `responses` of an operation: `success` ({status: serializer, None for no body, or
    (serializer, description)}) and the errors named (keys of ERRORS), each with its
    {detail, code} body. None without drf-spectacular.
    """
    if not HAVE_SPECTACULAR:
        return None
    responses = {
        status: OpenApiResponse(*answer) if isinstance(answer, tuple) else answer
        for status, answer in success.items()
    }
    for name in (*errors, *EVERY_ENDPOINT):
        status, serializer, description = ERRORS[name]
        # 400 for invalid input also covers a malformed Content-Length.
        responses.setdefault(status, OpenApiResponse(serializer, description=description))
    return dict(sorted(responses.items()))


def csrf_header():
    """The CSRF header cookie-authenticated endpoints require, as a header parameter."""
    if not HAVE_SPECTACULAR:
        return None
    return OpenApiParameter(
        api_settings.CSRF_HEADER_NAME,
        str,
        OpenApiParameter.HEADER,
        required=True,
        enum=[api_settings.CSRF_HEADER_VALUE],
        description="CSRF defence of the cookie-authenticated endpoints; without it the answer is "
        f"403 `{CsrfHeaderMissing.default_code}`.",
    )


def set_cookie_header(description):
    if not HAVE_SPECTACULAR:
        return None
    return OpenApiParameter(
        "Set-Cookie", str, OpenApiParameter.HEADER, response=[200], description=description
    )


def retry_after_header():
    if not HAVE_SPECTACULAR:
        return None
    return OpenApiParameter(
        "Retry-After",
        int,
        OpenApiParameter.HEADER,
        response=[429],
        description="Seconds until the rate limit lets a request through again.",
    )


def session_id_parameter():
    """The id of DELETE sessions/{session_id}/ (the route takes any string; no UUID is a 404)."""
    if not HAVE_SPECTACULAR:
        return None
    return OpenApiParameter(
        "session_id",
        OpenApiTypes.UUID,
        OpenApiParameter.PATH,
        description="The session's id (`id` in GET sessions/, `session_id` of a grant).",
    )


def sign_out_others_parameter():
    """DELETE sessions/ signs the other sessions out only when asked to, with ?others=1."""
    if not HAVE_SPECTACULAR:
        return None
    return OpenApiParameter(
        "others",
        str,
        OpenApiParameter.QUERY,
        required=True,
        enum=["1", "true"],
        description="Required: every session of the user but this one ends (400 without it).",
    )


def logout_lens_endpoints_only(endpoints, **kwargs):
    """
    A drf-spectacular PREPROCESSING_HOOKS entry that keeps Logout Lens's endpoints only
    (the views built on LogoutLensViewMixin), for a schema of the package's API alone.
    """
    from .sessions.api import LogoutLensViewMixin

    return [
        endpoint
        for endpoint in endpoints
        if issubclass(getattr(endpoint[3], "cls", object), LogoutLensViewMixin)
    ]


if HAVE_SPECTACULAR:

    class AccessTokenScheme(OpenApiAuthenticationExtension):
        target_class = "logout_lens.sessions.authentication.AccessTokenAuthentication"
        name = "bearerAuth"

        def get_security_definition(self, auto_schema):
            scheme = build_bearer_security_scheme_object("Authorization", "Bearer", "JWT")
            scheme["description"] = (
                "The access JWT of a sign-in or refresh (`access`), valid while its session is live."
            )
            return scheme

    class RefreshCookieScheme(OpenApiAuthenticationExtension):
        target_class = RefreshCookieAuthentication
        name = "refreshCookie"

        def get_security_definition(self, auto_schema):
            return {
                "type": "apiKey",
                "in": "cookie",
                "name": api_settings.REFRESH_COOKIE_NAME,
                "description": "The rotating refresh token: HttpOnly, SameSite=Strict, set by "
                "login/, refresh/ and change-password/. Endpoints it authenticates also require "
                f"the {api_settings.CSRF_HEADER_NAME} header.",
            }

    class _DescribedAuthentication(OpenApiViewExtension):
        """
        A cookie-authenticated view as the schema describes it: authenticated by the classes
        `authentication()` names (the view itself reads the cookie), and callable without any
        credentials when `anonymous` is set. Only the schema sees the replacement view.
        """

        anonymous = False

        def authentication(self):
            return (RefreshCookieAuthentication,)

        def view_replacement(self):
            from rest_framework.permissions import AllowAny

            attrs = {"authentication_classes": self.authentication()}
            if self.anonymous:
                # drf-spectacular adds the empty security requirement for AllowAny.
                attrs["permission_classes"] = (*self.target.permission_classes, AllowAny)
            return type(self.target.__name__, (self.target,), attrs)

    class RefreshViewSchema(_DescribedAuthentication):
        target_class = "logout_lens.sessions.views.RefreshView"

    class LogoutViewSchema(_DescribedAuthentication):
        """Signing out without a cookie is answered 200 too (idempotent)."""

        target_class = "logout_lens.sessions.views.LogoutView"
        anonymous = True

    class LogoutEventCreateViewSchema(_DescribedAuthentication):
        """Events come from signed-in and signed-out browsers alike."""

        target_class = "logout_lens.audit.views.LogoutEventCreateView"
        anonymous = True

        def authentication(self):
            from .sessions.authentication import AccessTokenAuthentication

            return (AccessTokenAuthentication, RefreshCookieAuthentication)

    class LoginSerializerSchema(OpenApiSerializerExtension):
        target_class = "logout_lens.sessions.serializers.LoginSerializer"

        def map_serializer(self, auto_schema, direction):
            schema = super().map_serializer(auto_schema, direction)
            # Its docstring speaks to the package's developers.
            schema["description"] = (
                "The credentials, whether to remember this browser (a longer session) and the "
                "browser's device id."
            )
            return schema

    class JSONObjectFieldSchema(OpenApiSerializerFieldExtension):
        target_class = "logout_lens.audit.fields.JSONObjectField"

        def map_serializer_field(self, auto_schema, direction):
            field = self.target
            return {
                "type": "object",
                "additionalProperties": {},
                "description": f"Any JSON object: depth at most {field.max_depth}, at most "
                f"{field.max_nodes} values, at most {field.max_bytes} bytes encoded.",
            }

    class SecondsFieldSchema(OpenApiSerializerFieldExtension):
        target_class = "logout_lens.audit.fields.SecondsField"

        def map_serializer_field(self, auto_schema, direction):
            return {
                "type": "number",
                "minimum": 0,
                "maximum": self.target.max_value,
                "description": "Seconds; a fraction is dropped.",
            }
