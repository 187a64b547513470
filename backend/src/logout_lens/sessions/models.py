"""
Signed-in sessions and their refresh tokens.

A `Session` row stands for one signed-in session (the "family" of refresh tokens it
rotated through). It is the session's single source of truth for whether it is still
live, and the row every refresh and every revocation of the session locks first, so the
two never interleave (see sessions.py and revocation.py).
"""
import hashlib
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
    CLIENT_ENDED = "client_ended", "Ended by the browser"
    ACCOUNT_DISABLED = "account_disabled", "Account deactivated"


def password_fingerprint(password_hash):
    """
    A fingerprint of a stored password hash, kept on each session: when the user's
    password changes by any path (this API, the Django admin, `manage.py changepassword`,
    `set_password()`), the fingerprint no longer matches and the session is over.

    Unlike Django's `get_session_auth_hash()` it does not depend on SECRET_KEY, so
    rotating that key signs nobody out. It is a one-way digest of a value that is already
    stored, so it discloses nothing the user table does not.
    """
    return hashlib.sha256(b"logout-lens-password:" + (password_hash or "").encode("utf-8")).hexdigest()


class SessionQuerySet(models.QuerySet):
    def live(self, now=None):
        """Sessions that are neither revoked nor past their absolute expiry."""
        return self.filter(revoked_at__isnull=True, expires_at__gt=now or clock.now())


class Session(models.Model):
    """
    One signed-in session: its id is the `session_id` the client sees and the `sid`
    claim of its access tokens. Its lifetime is fixed at sign-in; rotation never extends it.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="signed_in_sessions"
    )
    device_id = models.CharField(max_length=64, blank=True, default="")
    remember_me = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    password_fingerprint = models.CharField(max_length=64)
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoke_reason = models.CharField(
        max_length=32, choices=RevokeReason.choices, blank=True, default=""
    )
    # For a session ended by token reuse: the server's reading of its evidence
    # ("likely_race" or "likely_theft"), told to the browser at its next refresh.
    reuse_verdict = models.CharField(max_length=16, blank=True, default="")

    objects = SessionQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "signed-in session"
        indexes = [models.Index(fields=["user", "revoked_at"], name="session_user_revoked_idx")]

    def __str__(self):
        return f"session {self.id} ({self.user})"

    def password_matches(self, user=None):
        """Whether the user's password is still the one this session was signed in with."""
        return self.password_fingerprint == password_fingerprint((user or self.user).password)


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
    family = models.ForeignKey(
        Session, on_delete=models.CASCADE, related_name="tokens", db_column="family"
    )
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
        return f"token of session {self.family_id} ({self.user})"

    @property
    def is_head(self):
        """Whether this token is the newest, unrevoked token of its family."""
        return self.rotated_at is None and self.revoked_at is None
