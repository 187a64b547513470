from django.apps import AppConfig


class AuditConfig(AppConfig):
    """The sign-out audit trail: every sign-out a browser reports or the server decides."""

    name = "logout_lens.audit"
    label = "logout_lens_audit"
    verbose_name = "Logout Lens audit trail"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import receivers  # noqa: F401  (records the sessions the server ends)
        from .. import schema  # noqa: F401  (registers the drf-spectacular extensions, if installed)
