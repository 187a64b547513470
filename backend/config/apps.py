from django.apps import AppConfig


class ExampleProjectConfig(AppConfig):
    """The example project itself: registers its production start-up checks (config/checks.py)."""

    name = "config"
    label = "example_project"
    verbose_name = "Logout Lens example project"

    def ready(self):
        from . import checks  # noqa: F401
