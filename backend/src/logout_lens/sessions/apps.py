from django.apps import AppConfig


class SessionsConfig(AppConfig):
    """Sessions, tokens and the sign-in, refresh and sign-out endpoints."""

    name = "logout_lens.sessions"
    label = "logout_lens_sessions"
    verbose_name = "Logout Lens sessions"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import checks  # noqa: F401  (registers the system checks)
        from . import receivers
        from . import throttling  # noqa: F401  (counts failed sign-ins: user_login_failed)
        from .. import schema  # noqa: F401  (registers the drf-spectacular extensions, if installed)

        receivers.connect()
