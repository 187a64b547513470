"""The logout audit trail: one record per sign-out, reported by a browser or the server."""
from django.conf import settings
from django.db import models


class LogoutType(models.TextChoices):
    USER_INITIATED = "USER_INITIATED"
    TOKEN_EXPIRED = "TOKEN_EXPIRED"
    REFRESH_FAILED = "REFRESH_FAILED"
    SESSION_REVOKED = "SESSION_REVOKED"
    PASSWORD_CHANGED = "PASSWORD_CHANGED"
    TOKEN_REUSE_DETECTED = "TOKEN_REUSE_DETECTED"
    IDLE_TIMEOUT = "IDLE_TIMEOUT"
    AUTH_ERROR = "AUTH_ERROR"
    ACCOUNT_DISABLED = "ACCOUNT_DISABLED"
    SESSION_NOT_KEPT = "SESSION_NOT_KEPT"
    UNKNOWN = "UNKNOWN"


def logout_type_choices():
    """The built-in types, then the project's own (APP_LOGOUT_TYPES), as (value, label) pairs."""
    from logout_lens.settings import api_settings

    own = [(t, t.replace("_", " ").title()) for t in api_settings.APP_LOGOUT_TYPES if t not in LogoutType.values]
    return [*LogoutType.choices, *own]


class EventSource(models.TextChoices):
    CLIENT = "client"
    SERVER = "server"


class LogoutEvent(models.Model):
    """
    Why a session ended. Client records are reported by the browser; they are
    `verified` when the request proved who the user was (access token or refresh
    cookie). Server records are written when the server itself ends a session.
    """

    type = models.CharField(max_length=32, choices=LogoutType.choices)
    source = models.CharField(max_length=8, choices=EventSource.choices)
    message = models.CharField(max_length=500, blank=True, default="")
    idle_seconds = models.PositiveIntegerField(null=True, blank=True)
    client_time = models.DateTimeField(null=True, blank=True)
    server_time = models.DateTimeField(auto_now_add=True)
    ip = models.GenericIPAddressField(null=True, blank=True)
    user_agent = models.CharField(max_length=512, blank=True, default="")
    device_id = models.CharField(max_length=64, blank=True, default="")
    session_id = models.UUIDField(null=True, blank=True)
    tab_id = models.CharField(max_length=64, blank=True, default="")
    route = models.CharField(max_length=512, blank=True, default="")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="logout_events",
    )
    verified = models.BooleanField(default=False)
    details = models.JSONField(default=dict, blank=True)
    # The browser's own id for the record it reports. Its outbox delivers at least once (a lost
    # answer is sent again, two tabs may flush the shared queue together): one record per id.
    client_event_id = models.CharField(max_length=64, blank=True, default="")

    class Meta:
        ordering = ["-server_time", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["device_id", "client_event_id"],
                condition=~models.Q(client_event_id=""),
                name="logoutevent_one_per_client_event",
            ),
        ]
        indexes = [
            models.Index(fields=["user", "server_time"], name="logoutevent_user_time_idx"),
            models.Index(fields=["device_id"], name="logoutevent_device_idx"),
            models.Index(fields=["session_id"], name="logoutevent_session_idx"),
            models.Index(fields=["type"], name="logoutevent_type_idx"),
        ]

    def __str__(self):
        return f"{self.type} ({self.source}) at {self.server_time:%Y-%m-%d %H:%M:%S}"
