"""Refresh tokens, grouped into families; one family is one signed-in session."""
import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone

from . import clock


class RevokeReason(models.TextChoices):
    LOGOUT = "logout", "Signed out"
    PASSWORD_CHANGED = "password_changed", "Password changed"
    REVOKED = "revoked", "Session revoked"
    REUSE_DETECTED = "reuse_detected", "Token reuse detected"
    EXPIRED = "expired", "Session expired"


class RefreshTokenQuerySet(models.QuerySet):
    def active(self, now=None):
        """Tokens that are neither revoked nor past the session's absolute expiry."""
        return self.filter(revoked_at__isnull=True, expires_at__gt=now or clock.now())

    def heads(self):
        """The newest token of each family: the only one that may be rotated."""
        return self.filter(rotated_at__isnull=True)


class RefreshToken(models.Model):
    """
    One refresh token. Only its SHA-256 hash is stored, never the raw value.

    All tokens of a family share `family` (the session id the client sees) and
    `expires_at` (the absolute session lifetime fixed at sign-in).
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    token_hash = models.CharField(max_length=64, unique=True)
    family = models.UUIDField(db_index=True)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="children"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="refresh_tokens"
    )
    device_id = models.CharField(max_length=64, blank=True, default="")
    remember_me = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    last_used_at = models.DateTimeField(default=timezone.now)
    rotated_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoke_reason = models.CharField(
        max_length=32, choices=RevokeReason.choices, blank=True, default=""
    )
    ip = models.GenericIPAddressField(null=True, blank=True)
    user_agent = models.CharField(max_length=512, blank=True, default="")

    objects = RefreshTokenQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["user", "revoked_at"], name="refresh_user_revoked_idx")]

    def __str__(self):
        return f"session {self.family} ({self.user})"

    @property
    def is_head(self):
        """Whether this token is the newest, unrevoked token of its family."""
        return self.rotated_at is None and self.revoked_at is None
