"""
WSGI entry point (gunicorn config.wsgi).

Starting the WSGI application means production unless LL_ENV=development is asked for.
In production the system checks run before the application is handed to the server, and
any error (insecure settings, see config/checks.py) stops the start with a message
naming the setting to fix: with nothing set, the repository's development keys are refused.
"""
import os

from django.core.exceptions import ImproperlyConfigured
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("LL_ENV", "production")

application = get_wsgi_application()


def refuse_insecure_production_settings():
    """Raise ImproperlyConfigured listing every check error when LL_ENV=production."""
    from django.conf import settings
    from django.core import checks

    if str(getattr(settings, "LL_ENV", "")).lower() != "production":
        return
    errors = [m for m in checks.run_checks() if m.level >= checks.ERROR and not m.is_silenced()]
    if errors:
        lines = "\n".join(
            f"  {m.id}: {m.msg}" + (f" Hint: {m.hint}" if m.hint else "") for m in errors
        )
        raise ImproperlyConfigured(
            "Refusing to start with LL_ENV=production and insecure settings:\n" + lines
        )


refuse_insecure_production_settings()
