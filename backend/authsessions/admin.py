"""Read-only admin views of refresh tokens (never their hashes)."""
from django.contrib import admin, messages

from .client import ClientInfo
from .models import RefreshToken, RevokeReason
from .revocation import revoke_user_sessions


@admin.register(RefreshToken)
class RefreshTokenAdmin(admin.ModelAdmin):
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
    actions = ("revoke_sessions",)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.action(description="Revoke the sessions of the selected tokens")
    def revoke_sessions(self, request, queryset):
        client = ClientInfo.from_request(request)
        revoked = set()
        for token in queryset.select_related("user"):
            if token.family_id not in revoked:
                revoked.update(
                    revoke_user_sessions(
                        token.user, RevokeReason.REVOKED, client, only_family=token.family_id
                    )
                )
        self.message_user(request, f"Revoked {len(revoked)} live session(s).", messages.SUCCESS)
