"""Validation of reported logout events and the audit trail's output shape."""
import re

from django.contrib.auth import get_user_model
from django.db import IntegrityError, models, transaction
from django.db.backends.base.operations import BaseDatabaseOperations
from rest_framework import serializers

from logout_lens.sessions.models import Session
from logout_lens.sessions.serializers import DEVICE_ID_PATTERN

from .fields import (
    JSONObjectField,
    RedactedCharField,
    SecondsField,
    StrictDateTimeField,
    StrictRegexField,
    StrictUUIDField,
)
from .models import EventSource, LogoutEvent, LogoutType, logout_type_choices

MAX_IDLE_SECONDS = 10**8
ASCII_DIGITS = re.compile(r"[0-9]+")
CLIENT_EVENT_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}\Z")
ID_ERROR = {"invalid": "Use 1-64 letters, digits, '_' or '-'."}


# The form of every logout type, built-in or an app's own (as the Angular library checks it).
LOGOUT_TYPE_FORM = re.compile(r"^[A-Z][A-Z0-9_]{2,31}\Z")


class UndeclaredType(str):
    """A well-formed type the project has not declared in APP_LOGOUT_TYPES."""


class LogoutTypeField(serializers.ChoiceField):
    """
    A logout type: a built-in one or one of the project's APP_LOGOUT_TYPES, read when used.
    With `undeclared=True` a well-formed type the project did not declare comes back as an
    `UndeclaredType` (the serializer records it as UNKNOWN, keeping the name in `details`).
    """

    def __init__(self, *, undeclared=False, **kwargs):
        self.undeclared = undeclared
        super().__init__(choices=logout_type_choices(), **kwargs)

    def to_internal_value(self, data):
        self.choices = logout_type_choices()
        known = isinstance(data, str) and data in self.choice_strings_to_values
        if self.undeclared and not known and isinstance(data, str) and LOGOUT_TYPE_FORM.match(data):
            return UndeclaredType(data)
        return super().to_internal_value(data)


class LogoutEventInputSerializer(serializers.Serializer):
    """
    A logout event reported by a browser. Unknown top-level keys are ignored, so older
    servers accept events from newer clients.
    """

    type = LogoutTypeField(undeclared=True)
    message = RedactedCharField(
        max_length=500, required=False, allow_blank=True, default="", trim_whitespace=False
    )
    idle_seconds = SecondsField(
        max_value=MAX_IDLE_SECONDS, required=False, allow_null=True, default=None
    )
    occurred_at = StrictDateTimeField(required=False, allow_null=True, default=None)
    device_id = StrictRegexField(
        DEVICE_ID_PATTERN, required=False, allow_blank=True, default="", error_messages=ID_ERROR
    )
    session_id = StrictUUIDField(required=False, allow_null=True, default=None)
    tab_id = StrictRegexField(
        DEVICE_ID_PATTERN, required=False, allow_blank=True, default="", error_messages=ID_ERROR
    )
    route = RedactedCharField(max_length=512, required=False, allow_blank=True, default="")
    details = JSONObjectField(required=False, default=dict)

    def validate(self, attrs):
        # The app's own type the project has not declared: recorded as UNKNOWN under its name,
        # so the session still ends on the server and support still sees what the app said.
        if isinstance(attrs.get("type"), UndeclaredType):
            attrs["details"] = {**attrs.get("details", {}), "reported_type": str(attrs["type"])}
            attrs["type"] = LogoutType.UNKNOWN
        return attrs

    def validate_route(self, value):
        if value and not value.startswith("/"):
            raise serializers.ValidationError("Must be an app path starting with '/'.")
        # Query strings and fragments may carry secrets (reset links); keep the path only.
        return value.split("?", 1)[0].split("#", 1)[0]

    def validate_session_id(self, value):
        # A proven sender may only report on its own user's sessions.
        sender = self.context["sender"]
        if value is not None and sender.verified:
            owner = Session.objects.filter(pk=value).values_list("user_id", flat=True).first()
            if owner is not None and owner != sender.user.pk:
                raise serializers.ValidationError("This session belongs to another account.")
        return value

    def create(self, validated_data):
        """
        Stores the event, or returns the one already stored for the same browser record (its
        `details.client_event_id`): the outbox may deliver a record twice. `self.duplicate` says which.
        """
        data = dict(validated_data)
        client_event_id = data["details"].get("client_event_id")
        if not (isinstance(client_event_id, str) and CLIENT_EVENT_ID.match(client_event_id)):
            client_event_id = ""
        self.duplicate = False
        if not client_event_id:
            return self._create(data, client_event_id)
        try:
            with transaction.atomic():
                return self._create(data, client_event_id)
        except IntegrityError:
            existing = LogoutEvent.objects.filter(
                device_id=data["device_id"], client_event_id=client_event_id
            ).first()
            if existing is None:
                raise
            self.duplicate = True
            return existing

    def _create(self, data, client_event_id):
        sender = self.context["sender"]
        client = self.context["client"]
        return LogoutEvent.objects.create(
            type=data["type"],
            source=EventSource.CLIENT,
            message=data["message"],
            idle_seconds=data["idle_seconds"],
            client_time=data["occurred_at"],
            ip=client.ip,
            user_agent=client.user_agent,
            device_id=data["device_id"],
            session_id=data["session_id"] or sender.session_id,
            tab_id=data["tab_id"],
            route=data["route"],
            user=sender.user,
            verified=sender.verified,
            details=data["details"],
            client_event_id=client_event_id,
        )


class EventUserSerializer(serializers.Serializer):
    id = serializers.CharField(source="pk")
    email = serializers.EmailField()


class LogoutEventSerializer(serializers.ModelSerializer):
    user = EventUserSerializer(allow_null=True)

    class Meta:
        model = LogoutEvent
        fields = (
            "id", "type", "source", "message", "idle_seconds", "client_time", "server_time",
            "ip", "user_agent", "device_id", "session_id", "tab_id", "route", "user",
            "verified", "details",
        )
        read_only_fields = fields


class LogoutEventFilterSerializer(serializers.Serializer):
    """Query parameters of the audit trail listing; all optional."""

    user = serializers.CharField(required=False, max_length=254)
    device_id = serializers.RegexField(DEVICE_ID_PATTERN, required=False, error_messages=ID_ERROR)
    type = LogoutTypeField(required=False)
    session_id = serializers.UUIDField(required=False)
    since = serializers.DateTimeField(required=False)
    until = serializers.DateTimeField(required=False)

    def validate_user(self, value):
        """
        ASCII digits are a user id, anything else an email (case-insensitive). An id
        beyond what the primary key column can hold is refused rather than looked up.
        """
        pk = get_user_model()._meta.pk
        if ASCII_DIGITS.fullmatch(value) and isinstance(pk, models.IntegerField):
            # The column's range as Django defines the field (SQLite's backend reports none).
            ranges = BaseDatabaseOperations.integer_field_ranges
            highest = ranges.get(pk.get_internal_type(), (0, 2**63 - 1))[1]
            if int(value) > highest:
                raise serializers.ValidationError(f"No user has this id: ids go up to {highest}.")
            return {"user_id": int(value)}
        email_field = get_user_model().get_email_field_name()
        return {f"user__{email_field}__iexact": value}

    def filter(self, queryset):
        """Apply the validated filters to `queryset`."""
        data = self.validated_data
        if "user" in data:
            queryset = queryset.filter(**data["user"])
        for name in ("device_id", "type", "session_id"):
            if name in data:
                queryset = queryset.filter(**{name: data[name]})
        if "since" in data:
            queryset = queryset.filter(server_time__gte=data["since"])
        if "until" in data:
            queryset = queryset.filter(server_time__lt=data["until"])
        return queryset


class LogoutEventReceiptSerializer(serializers.Serializer):
    """What POST logout-event/ answers (for the schema)."""

    id = serializers.IntegerField(help_text="The stored event's id (the first one's for a duplicate).")
    verified = serializers.BooleanField(help_text="Whether the request proved who sent the event.")
    session_revoked = serializers.BooleanField(
        help_text="Whether the event ended a session that was still live."
    )
    duplicate = serializers.BooleanField(
        required=False, help_text="Present (true) when the record had been delivered before."
    )
