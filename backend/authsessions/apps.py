from django.apps import AppConfig


class AuthSessionsConfig(AppConfig):
    name = "authsessions"
    verbose_name = "Auth sessions"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import checks  # noqa: F401  (registers the system checks)
        from . import receivers
        from . import throttling  # noqa: F401  (counts failed sign-ins: user_login_failed)

        receivers.connect()
