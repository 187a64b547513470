from django.apps import AppConfig


class TestHooksConfig(AppConfig):
    """Hooks the end-to-end suite uses to set lifetimes and move the server clock."""

    name = "testhooks"
    verbose_name = "Test hooks"
