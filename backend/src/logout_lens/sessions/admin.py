"""
Read-only admin views of signed-in sessions and their refresh tokens (never token hashes).
Rows are never edited or deleted by hand; ending a session is the "Revoke" action, which
needs the model's change permission (view permission only shows the rows).
"""
from django.contrib import admin, messages
from django.contrib.auth import get_permission_codename

from .client import ClientInfo
from .models import RefreshToken, RevokeReason, Session
from .revocation import revoke_user_sessions


class ReadOnlyRevokeAdmin(admin.ModelAdmin):
    """Shows rows; the only write is revoking the sessions they belong to."""

    actions = ("revoke_sessions",)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_revoke_permission(self, request):
        """Whether the user holds the model's change permission (required to revoke)."""
        opts = self.opts
        return request.user.has_perm(f"{opts.app_label}.{get_permission_codename('change', opts)}")

    def sessions_of(self, queryset):
        """(user, session id) of each selected row."""
        raise NotImplementedError

    @admin.action(description="Revoke the selected sessions", permissions=["revoke"])
    def revoke_sessions(self, request, queryset):
        client = ClientInfo.from_request(request)
        revoked = set()
        for user, session_id in self.sessions_of(queryset):
            if session_id not in revoked:
                revoked.update(
                    revoke_user_sessions(user, RevokeReason.REVOKED, client, only_family=session_id)
                )
        self.message_user(request, f"Revoked {len(revoked)} live session(s).", messages.SUCCESS)


@admin.register(Session)
class SessionAdmin(ReadOnlyRevokeAdmin):
    list_display = (
        "id", "user", "device_id", "remember_me", "created_at", "expires_at", "revoked_at",
        "revoke_reason",
    )
    list_filter = ("revoke_reason", "remember_me", "created_at")
    search_fields = ("user__email", "user__username", "device_id", "id")
    fields = (
        "id", "user", "device_id", "remember_me", "created_at", "expires_at", "revoked_at",
        "revoke_reason",
    )
    readonly_fields = fields
    list_select_related = ("user",)
    date_hierarchy = "created_at"

    def sessions_of(self, queryset):
        return [(session.user, session.pk) for session in queryset.select_related("user")]


@admin.register(RefreshToken)
class RefreshTokenAdmin(ReadOnlyRevokeAdmin):
    list_display = (
        "family", "user", "device_id", "remember_me", "created_at", "last_used_at",
        "expires_at", "rotated_at", "revoked_at", "revoke_reason", "ip",
    )
    list_filter = ("revoke_reason", "remember_me", "created_at")
    search_fields = ("user__email", "user__username", "device_id", "family__id", "ip")
    fields = (
        "id", "family", "parent", "user", "device_id", "remember_me", "created_at",
        "last_used_at", "expires_at", "rotated_at", "revoked_at", "revoke_reason", "ip",
        "user_agent",
    )
    readonly_fields = fields
    list_select_related = ("user",)
    date_hierarchy = "created_at"

    def sessions_of(self, queryset):
        return [(token.user, token.family_id) for token in queryset.select_related("user")]
