"""The sign-in body of a simplejwt project, and the grant its answers carry."""
from django.contrib.auth import authenticate, get_user_model
from rest_framework import serializers
from rest_framework_simplejwt import settings as simplejwt_settings

from ...schema import extend_schema_field
from ...sessions.exceptions import AccountDisabledSignIn, InvalidCredentials
from ...sessions.serializers import (
    LoginSerializer,
    SessionGrantSerializer,
    SessionPolicySerializer,
    deactivated_with_password,
    session_policy,
)


def username_field():
    """The field people sign in with, as simplejwt's TokenObtainSerializer reads it."""
    return get_user_model().USERNAME_FIELD


class ObtainSerializer(LoginSerializer):
    """
    `{<USERNAME_FIELD>, password, remember_me, device_id}`, as simplejwt's obtain view takes the
    user's USERNAME_FIELD and password; `validated_data["user"]` is the signed-in user.
    """

    email = None  # the USERNAME_FIELD instead, which may be "email"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[username_field()] = serializers.CharField(max_length=254)

    def validate(self, attrs):
        field = username_field()
        credentials = {field: attrs[field], "password": attrs["password"]}
        user = authenticate(self.context.get("request"), **credentials)
        if user is None:
            if deactivated_with_password(attrs[field], attrs["password"], lookup=field):
                raise AccountDisabledSignIn()
            raise InvalidCredentials(f"The {field} or the password is wrong.")
        attrs["user"] = user
        return attrs


def simplejwt_session_policy():
    """The policy in force: simplejwt's access lifetime, Logout Lens's session lifetimes."""
    access = simplejwt_settings.api_settings.ACCESS_TOKEN_LIFETIME
    return {**session_policy(), "access_seconds": int(access.total_seconds())}


class SimpleJwtGrantSerializer(SessionGrantSerializer):
    """A sign-in or refresh answer; its access token is a simplejwt one, its policy says so."""

    @extend_schema_field(SessionPolicySerializer)
    def get_session_policy(self, grant):
        return simplejwt_session_policy()
