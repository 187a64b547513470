from django.apps import AppConfig


class SimpleJwtConfig(AppConfig):
    name = "logout_lens.contrib.simplejwt"
    label = "logout_lens_simplejwt"
    verbose_name = "Logout Lens for simplejwt"

    def ready(self):
        from . import checks  # noqa: F401  (registers the system checks)
