"""Input validation and response shapes for the auth endpoints."""
from django.contrib.auth import authenticate, get_user_model, password_validation
from rest_framework import serializers

from ..schema import extend_schema_field
from ..settings import api_settings

from .exceptions import AccountDisabledSignIn, InvalidCredentials

DEVICE_ID_PATTERN = r"^[A-Za-z0-9_-]{1,64}\Z"


def display_name(user):
    """A person's name for the UI: full name, else username."""
    return user.get_full_name().strip() or user.get_username()


class UserSerializer(serializers.Serializer):
    id = serializers.CharField(source="pk", read_only=True)
    email = serializers.EmailField(read_only=True)
    name = serializers.SerializerMethodField()

    def get_name(self, user) -> str:
        return display_name(user)


class LoginSerializer(serializers.Serializer):
    """Checks the credentials; `validated_data["user"]` is the signed-in user."""

    email = serializers.EmailField(max_length=254)
    password = serializers.CharField(max_length=4096, trim_whitespace=False)
    remember_me = serializers.BooleanField(default=False)
    device_id = serializers.RegexField(
        DEVICE_ID_PATTERN,
        required=False,
        allow_blank=True,
        default="",
        error_messages={"invalid": "Use 1-64 letters, digits, '_' or '-'."},
    )

    def validate(self, attrs):
        user = authenticate(
            self.context.get("request"), email=attrs["email"], password=attrs["password"]
        )
        if user is None:
            if deactivated_with_password(attrs["email"], attrs["password"]):
                raise AccountDisabledSignIn()
            raise InvalidCredentials()
        attrs["user"] = user
        return attrs


def deactivated_with_password(email, password, lookup=None):
    """
    Whether `email` (or the value of another `lookup`, such as "username") names a deactivated
    account whose password this is. Only someone who knows the password learns that the account
    is deactivated, and is told whom to ask rather than that the password is wrong.
    """
    User = get_user_model()
    lookup = lookup or f"{User.get_email_field_name()}__iexact"
    inactive = list(User._default_manager.filter(**{lookup: email, "is_active": False})[:2])
    if not inactive:
        # Pay for one hash anyway, so timing does not tell deactivated accounts apart.
        User().set_password(password)
        return False
    return any(user.check_password(password) for user in inactive)


class ChangePasswordSerializer(serializers.Serializer):
    current_password = serializers.CharField(max_length=4096, trim_whitespace=False)
    new_password = serializers.CharField(max_length=4096, trim_whitespace=False)

    def validate_current_password(self, value):
        if not self.context["request"].user.check_password(value):
            raise serializers.ValidationError(
                "The current password is wrong.", code="wrong_password"
            )
        return value

    def validate_new_password(self, value):
        password_validation.validate_password(value, user=self.context["request"].user)
        return value

    def save(self):
        user = self.context["request"].user
        user.set_password(self.validated_data["new_password"])
        user.save(update_fields=["password"])
        return user


class SessionPolicySerializer(serializers.Serializer):
    """The session policy in force, in seconds, so that clients say it in the server's words."""

    access_seconds = serializers.IntegerField(help_text="Lifetime of an access token.")
    remember_me_seconds = serializers.IntegerField(
        help_text='Absolute lifetime of a session started with "Remember me".'
    )
    standard_seconds = serializers.IntegerField(help_text='Absolute lifetime of any other session.')


def session_policy():
    """The policy of the settings in force (read at each call: tests and projects override them)."""
    return {
        "access_seconds": int(api_settings.ACCESS_TOKEN_LIFETIME.total_seconds()),
        "remember_me_seconds": int(api_settings.REFRESH_TOKEN_LIFETIME_REMEMBER_ME.total_seconds()),
        "standard_seconds": int(api_settings.REFRESH_TOKEN_LIFETIME.total_seconds()),
    }


class SessionGrantSerializer(serializers.Serializer):
    """Shape of a sign-in or refresh response (the refresh token travels in the cookie)."""

    access = serializers.CharField(source="access.encoded")
    access_expires_at = serializers.DateTimeField(source="access.expires_at")
    refresh_expires_at = serializers.DateTimeField()
    session_id = serializers.UUIDField()
    remember_me = serializers.BooleanField()
    user = UserSerializer()
    session_policy = serializers.SerializerMethodField()

    @extend_schema_field(SessionPolicySerializer)
    def get_session_policy(self, grant):
        return session_policy()


class SessionSerializer(serializers.Serializer):
    """One signed-in session (token family), as its newest token describes it."""

    id = serializers.UUIDField(source="family_id")
    device_id = serializers.CharField()
    user_agent = serializers.CharField()
    ip = serializers.IPAddressField(allow_null=True)
    created_at = serializers.DateTimeField(source="session_started_at")
    last_used_at = serializers.DateTimeField()
    expires_at = serializers.DateTimeField()
    remember_me = serializers.BooleanField()
    current = serializers.SerializerMethodField()

    def get_current(self, token) -> bool:
        return token.family_id == self.context.get("current_session_id")
