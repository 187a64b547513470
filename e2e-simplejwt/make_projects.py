"""Creates the two example Django projects the simplejwt e2e suite runs the demo app against.

Both come from scratch: ``django-admin startproject``, djangorestframework-simplejwt from its
package, the team's API on simplejwt's stock ``JWTAuthentication``. Then:

- ``contrib``: Logout Lens's ``logout_lens.contrib.simplejwt`` views where simplejwt's were
  (``v1/token/``), as PACKAGE.md says;
- ``stock``: simplejwt's own ``TokenObtainPairView``, ``TokenRefreshView`` and
  ``TokenBlacklistView``, with ``ROTATE_REFRESH_TOKENS`` and ``BLACKLIST_AFTER_ROTATION`` on.

Each gets the demo app's API (``v1/demo/…``: data, 403, 402, 500, 502, 503) and, for the tests only, a movable
clock (time-machine: Django, simplejwt and PyJWT all read it, and so does the Date header),
``v1/test/…`` hooks, the demo user and an admin. Usage: ``make_projects.py DIR``; prints nothing
on success.
"""
import os
import subprocess
import sys
from pathlib import Path

DEMO_USER = ("demo@example.com", "demo-pass-2026", "Dana", "Demo")
ADMIN_USER = ("admin@example.com", "admin-pass-2026")

COMMON_SETTINGS = '''

# --- The team's API: djangorestframework-simplejwt ---
import os
from datetime import timedelta

from . import testclock  # noqa: F401  (e2e only: the movable clock starts here)

DEBUG = True
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
INSTALLED_APPS += ["rest_framework", "rest_framework_simplejwt"]
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["rest_framework_simplejwt.authentication.JWTAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
}
'''

STOCK_SETTINGS = '''
INSTALLED_APPS += ["rest_framework_simplejwt.token_blacklist"]
SIMPLE_JWT = {
    "SIGNING_KEY": "stock-example-signing-key-0123456789abcdef",
    "ACCESS_TOKEN_LIFETIME": timedelta(hours=1),
    "REFRESH_TOKEN_LIFETIME": timedelta(days=1),
    "ROTATE_REFRESH_TOKENS": True,
    "BLACKLIST_AFTER_ROTATION": True,
}
'''

CONTRIB_SETTINGS = '''
SIMPLE_JWT = {
    "SIGNING_KEY": "contrib-example-signing-key-0123456789abcdef",
    "ACCESS_TOKEN_LIFETIME": timedelta(hours=1),
}

# --- Logout Lens (logout_lens.contrib.simplejwt), as PACKAGE.md says ---
INSTALLED_APPS += ["logout_lens.sessions", "logout_lens.audit", "logout_lens.contrib.simplejwt"]
LOGOUT_LENS = {"SIGNING_KEY": "contrib-example-logout-lens-key-0123456789abcdef", "REFRESH_COOKIE_PATH": "/v1/token/"}
'''

TEST_CLOCK = '''\
"""e2e only: a clock the tests move (time-machine), read by Django, simplejwt and PyJWT alike."""
from datetime import datetime, timedelta, timezone

import time_machine

_coordinates = time_machine.travel(datetime.now(timezone.utc), tick=True).start()


def advance(seconds):
    _coordinates.shift(timedelta(seconds=seconds))


def reset():
    """Back to the real time."""
    _coordinates.move_to(datetime.fromtimestamp(time_machine.escape_hatch.time.time(), timezone.utc))
'''

DEMO_API = '''\
"""The demo app's API, on the team's stock JWTAuthentication."""
from django.apps import apps
from django.contrib.auth import get_user_model
from django.http import JsonResponse
from django.views.decorators.csrf import csrf_exempt
from rest_framework.decorators import api_view
from rest_framework.response import Response

from . import testclock


@api_view(["GET"])
def data(request):
    return Response({"items": [1, 2, 3], "user": request.user.get_username()})


@api_view(["GET"])
def forbidden(request):
    return Response({"detail": "You may not see this."}, status=403)


@api_view(["GET"])
def payment_required(request):
    return Response({"detail": "The licence has run out."}, status=402)


@api_view(["GET"])
def server_error(request):
    return Response({"detail": "Something broke."}, status=500)


@api_view(["GET"])
def bad_gateway(request):
    return Response({"detail": "The upstream did not answer."}, status=502)


@api_view(["GET"])
def unavailable(request):
    return Response({"detail": "Down for maintenance."}, status=503)


def health(request):
    return JsonResponse({"ok": True})


@csrf_exempt
def advance_clock(request):
    import json

    testclock.advance(int(json.loads(request.body)["advance_seconds"]))
    return JsonResponse({"ok": True})


@csrf_exempt
def tokens(request):
    """How many refresh tokens simplejwt's blacklist app holds, and how many are blacklisted."""
    if not apps.is_installed("rest_framework_simplejwt.token_blacklist"):
        return JsonResponse({"outstanding": None, "blacklisted": None})
    from rest_framework_simplejwt.token_blacklist.models import BlacklistedToken, OutstandingToken

    return JsonResponse({"outstanding": OutstandingToken.objects.count(), "blacklisted": BlacklistedToken.objects.count()})


@csrf_exempt
def reset(request):
    """Back to a fresh start: the real time, the demo user's password, and no tokens outstanding."""
    testclock.reset()
    user = get_user_model().objects.get(username="%s")
    user.set_password("%s")
    user.save()
    if apps.is_installed("rest_framework_simplejwt.token_blacklist"):
        from rest_framework_simplejwt.token_blacklist.models import OutstandingToken

        OutstandingToken.objects.all().delete()
    return JsonResponse({"ok": True})
''' % (DEMO_USER[0], DEMO_USER[1])

STOCK_URLS = '''\
from django.contrib import admin
from django.urls import path
from rest_framework_simplejwt.views import TokenBlacklistView, TokenObtainPairView, TokenRefreshView

from . import demo_api

urlpatterns = [
    path("admin/", admin.site.urls),
    path("v1/token/", TokenObtainPairView.as_view()),
    path("v1/token/refresh/", TokenRefreshView.as_view()),
    path("v1/token/blacklist/", TokenBlacklistView.as_view()),
'''

CONTRIB_URLS = '''\
from django.contrib import admin
from django.urls import include, path

from . import demo_api

urlpatterns = [
    path("admin/", admin.site.urls),
    path("v1/token/", include("logout_lens.contrib.simplejwt.urls")),
    path("v1/token/", include("logout_lens.audit.urls")),
'''

COMMON_URLS = '''\
    path("v1/demo/data/", demo_api.data),
    path("v1/demo/forbidden/", demo_api.forbidden),
    path("v1/demo/payment-required/", demo_api.payment_required),
    path("v1/demo/server-error/", demo_api.server_error),
    path("v1/demo/bad-gateway/", demo_api.bad_gateway),
    path("v1/demo/unavailable/", demo_api.unavailable),
    path("v1/test/health/", demo_api.health),
    path("v1/test/clock/", demo_api.advance_clock),
    path("v1/test/tokens/", demo_api.tokens),
    path("v1/test/reset/", demo_api.reset),
]
'''

CREATE_USERS = '''
from django.contrib.auth import get_user_model

User = get_user_model()
if not User.objects.filter(username="{0}").exists():
    User.objects.create_user("{0}", email="{0}", password="{1}", first_name="{2}", last_name="{3}")
if not User.objects.filter(username="{4}").exists():
    User.objects.create_superuser("{4}", email="{4}", password="{5}")
'''.format(*DEMO_USER, *ADMIN_USER)


def make(base: Path, name: str) -> None:
    bindir = Path(sys.executable).parent
    project = base / name
    project.mkdir(parents=True)
    subprocess.run([str(bindir / "django-admin"), "startproject", "site_" + name, str(project)], check=True)
    package = project / ("site_" + name)
    settings = package / "settings.py"
    settings.write_text(settings.read_text() + COMMON_SETTINGS + (CONTRIB_SETTINGS if name == "contrib" else STOCK_SETTINGS))
    (package / "testclock.py").write_text(TEST_CLOCK)
    (package / "demo_api.py").write_text(DEMO_API)
    (package / "urls.py").write_text((CONTRIB_URLS if name == "contrib" else STOCK_URLS) + COMMON_URLS)
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    manage = [sys.executable, "manage.py"]
    subprocess.run([*manage, "check", "--fail-level", "WARNING"], cwd=project, env=env, check=True, stdout=subprocess.DEVNULL)
    subprocess.run([*manage, "migrate", "-v", "0"], cwd=project, env=env, check=True)
    subprocess.run([*manage, "shell", "-c", CREATE_USERS], cwd=project, env=env, check=True, stdout=subprocess.DEVNULL)


if __name__ == "__main__":
    target = Path(sys.argv[1])
    for kind in ("contrib", "stock"):
        make(target, kind)
