"""Read-only admin of the logout audit trail: records are never added, edited or deleted here."""
from django.contrib import admin

from .models import LogoutEvent


@admin.register(LogoutEvent)
class LogoutEventAdmin(admin.ModelAdmin):
    list_display = (
        "server_time", "type", "source", "verified", "user", "device_id", "session_id",
        "idle_seconds", "ip", "short_message",
    )
    list_filter = ("type", "source", "verified", "server_time")
    search_fields = ("user__email", "user__username", "device_id", "session_id", "ip", "message")
    list_select_related = ("user",)
    date_hierarchy = "server_time"
    readonly_fields = [field.name for field in LogoutEvent._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        # An audit trail that can be edited away proves nothing; old records are pruned
        # by `manage.py prune_logout_events` under a retention policy instead.
        return False

    @admin.display(description="message")
    def short_message(self, event):
        return event.message if len(event.message) <= 80 else event.message[:77] + "..."
