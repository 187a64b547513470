#!/usr/bin/env python3
"""
The adopter test: a Django team adds django-logout-lens to a brand-new project exactly as the
README's "Add Logout Lens to an existing Django project" says, and it works.

    python3 scripts/adopter_test.py        (the machine's python3; only the standard library)

1. Builds the wheel from a clean copy of backend/ (pyproject.toml, PACKAGE.md, src/) with
   .venv's setuptools and build, without build isolation: the versions are the pinned ones of
   constraints.txt and nothing is downloaded. The copy keeps a stale build/ or egg-info in
   backend/ (which setuptools would reuse) out of the wheel, and the repository untouched.
2. Checks what the wheel holds: the package and its migrations, no tests, no example project.
3. Installs it (not editable) with `pip install -c backend/constraints.txt` into a new virtual
   environment, the only thing of this repository the new project ever sees.
4. `django-admin startproject mysite`, then appends to its settings and urls.py only what the
   README names; no REST_FRAMEWORK settings.
5. migrate, makemigrations --check, check, createsuperuser.
6. runserver on 127.0.0.1:8160 (8161 when taken) and, over real HTTP with a cookie jar:
   sign-in, me/, refresh (rotated cookie), the {detail, code} error bodies, logout-event/,
   the audit trail, logout/.
7. `check --deploy --fail-level WARNING` with a production settings module (mysite/production.py).
8. The same project with the URLs included under api/auth/ and the default cookie path: `check`
   warns (logout_lens.W004) and names the REFRESH_COOKIE_PATH to set.
9. A team's project on djangorestframework-simplejwt (startproject, simplejwt from its package
   through the `simplejwt` extra, stock JWTAuthentication for its own API view) takes PACKAGE.md's
   simplejwt settings and URLs: the token from api/token/ works on the team's view unchanged,
   refresh/ rotates the cookie, and a password changed in `manage.py shell` ends the session with
   401 password_changed.

Prints each step's time and closes with `adopter: N passed, M failed`; exits 1 when a step
failed. The temporary directory and the server go away on every path (also on Ctrl-C/SIGTERM).
"""
import http.cookiejar
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import textwrap
import time
import traceback
import urllib.error
import urllib.request
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BACKEND = ROOT / "backend"
CONSTRAINTS = BACKEND / "constraints.txt"
BUILD_PYTHON = ROOT / ".venv" / "bin" / "python"
PORTS = (8160, 8161)
EMAIL, PASSWORD = "dana@example.com", "correct-horse-battery-9"
AJAX = {"X-Requested-With": "XMLHttpRequest"}

# What the README tells a team to add, verbatim.
SETTINGS_ADDITION = '''

# Logout Lens
import os

INSTALLED_APPS += [
    "rest_framework",
    "logout_lens.sessions",
    "logout_lens.audit",
]

# login/ signs in by email address; ModelBackend keeps the admin's username sign-in.
AUTHENTICATION_BACKENDS = [
    "logout_lens.sessions.backends.EmailBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# Every other key is optional; logout_lens/settings.py documents them all.
LOGOUT_LENS = {
    # Its own secret (at least 32 characters), never SECRET_KEY.
    "SIGNING_KEY": os.environ.get("LL_SIGNING_KEY"),
}
'''

# A team's project on djangorestframework-simplejwt, as it stands before Logout Lens: stock
# JWTAuthentication for its API.
TEAM_SETTINGS = '''

# The team's API: djangorestframework-simplejwt.
import os

INSTALLED_APPS += ["rest_framework", "rest_framework_simplejwt"]
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["rest_framework_simplejwt.authentication.JWTAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
}
SIMPLE_JWT = {"SIGNING_KEY": os.environ["TEAM_JWT_SIGNING_KEY"]}
'''

TEAM_API = '''\
from rest_framework.decorators import api_view
from rest_framework.response import Response


@api_view(["GET"])
def hello(request):
    return Response({"hello": request.user.get_username()})
'''

# What PACKAGE.md's "On djangorestframework-simplejwt" tells the team to add.
SIMPLEJWT_ADDITION = '''

# Logout Lens (logout_lens.contrib.simplejwt)
INSTALLED_APPS += ["logout_lens.sessions", "logout_lens.audit", "logout_lens.contrib.simplejwt"]
LOGOUT_LENS = {"SIGNING_KEY": os.environ["LL_SIGNING_KEY"], "REFRESH_COOKIE_PATH": "/api/token/"}
'''

TEAM_URLS = '''\
from django.contrib import admin
from django.urls import include, path

from .api import hello

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/token/", include("logout_lens.contrib.simplejwt.urls")),
    path("api/token/", include("logout_lens.audit.urls")),
    path("api/hello/", hello),
]
'''

PRODUCTION_SETTINGS = '''\
"""Production settings: `DJANGO_SETTINGS_MODULE=mysite.production`."""
import os

from .settings import *  # noqa: F401,F403

DEBUG = False
SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
ALLOWED_HOSTS = ["auth.example.com"]

# Django's own HTTPS settings, as `check --deploy` asks for them.
SECURE_SSL_REDIRECT = True
SECURE_HSTS_SECONDS = 31536000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
'''


class StepFailed(Exception):
    pass


def expect(condition, message):
    if not condition:
        raise StepFailed(message)


class Run:
    """Runs the steps in order, times them and counts them; after a failure the rest are skipped."""

    def __init__(self):
        self.passed = self.failed = self.skipped = 0
        self.started = time.monotonic()

    def step(self, name, action):
        if self.failed:
            self.skipped += 1
            print(f"  skip  {name}")
            return None
        began = time.monotonic()
        try:
            result = action()
        except StepFailed as failure:
            self._fail(name, began, str(failure))
            return None
        except Exception:  # noqa: BLE001 — an unexpected error is this step's failure too
            self._fail(name, began, traceback.format_exc().rstrip())
            return None
        self.passed += 1
        print(f"  ok    {name} ({time.monotonic() - began:.1f}s)", flush=True)
        return result

    def _fail(self, name, began, why):
        self.failed += 1
        print(f"  FAIL  {name} ({time.monotonic() - began:.1f}s)\n{textwrap.indent(why, '        ')}",
              flush=True)

    def summary(self):
        total = time.monotonic() - self.started
        if self.skipped:
            print(f"{self.skipped} steps not run after the failure")
        print(f"total {total:.1f}s")
        print(f"adopter: {self.passed} passed, {self.failed} failed", flush=True)


def run(command, *, cwd, env, timeout=120):
    """Run a command; its output is the failure message when it exits non-zero."""
    done = subprocess.run([str(part) for part in command], cwd=cwd, env=env, timeout=timeout,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if done.returncode != 0:
        raise StepFailed(f"$ {' '.join(map(str, command))}\nexit {done.returncode}\n{done.stdout[-4000:]}")
    return done.stdout


def free_port():
    for port in PORTS:
        with socket.socket() as probe:
            # As runserver binds: a port left in TIME_WAIT by the last run is free.
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise StepFailed(f"ports {PORTS} are both taken")


class Client:
    """An HTTP client with a cookie jar, like the browser's, that also returns error answers."""

    def __init__(self, base):
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def call(self, method, path, body=None, headers=None):
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.base + path, data=data, method=method)
        request.add_header("Accept", "application/json")
        if body is not None:
            request.add_header("Content-Type", "application/json")
        for name, value in (headers or {}).items():
            request.add_header(name, value)
        try:
            response = self.opener.open(request, timeout=10)
        except urllib.error.HTTPError as error:
            response = error
        with response:
            raw = response.read()
            content_type = response.headers.get("Content-Type", "")
            payload = json.loads(raw) if raw and content_type.startswith("application/json") else raw
            return response.status, payload, response.headers

    def cookie(self, name):
        return next((c for c in self.jar if c.name == name), None)


def error_shape(status, body, expected_status, expected_code=None):
    expect(status == expected_status, f"status {status}, expected {expected_status}: {body!r}")
    expect(isinstance(body, dict) and set(body) == {"detail", "code"},
           f"error body is not {{detail, code}}: {body!r}")
    if expected_code:
        expect(body["code"] == expected_code, f"code {body['code']!r}, expected {expected_code!r}")


def main():
    run_ = Run()
    work = Path(tempfile.mkdtemp(prefix="adopter-"))
    server = None
    state = {}

    def stop(signum, _frame):
        run_.failed += 1
        print(f"  FAIL  interrupted by {signal.Signals(signum).name}", flush=True)
        raise SystemExit(128 + signum)

    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, stop)

    venv = work / "venv"
    project = work / "project"
    # The new project's processes see nothing of this repository or of the caller's Python setup.
    env = {key: value for key, value in os.environ.items()
           if key not in ("PYTHONPATH", "VIRTUAL_ENV", "DJANGO_SETTINGS_MODULE", "PYTHONHOME")
           and not key.startswith(("LL_", "DJANGO_"))}
    env.update(PATH=f"{venv / 'bin'}:{env.get('PATH', '')}", PYTHONDONTWRITEBYTECODE="1",
               PIP_DISABLE_PIP_VERSION_CHECK="1", LL_SIGNING_KEY=secrets.token_urlsafe(48))
    python = venv / "bin" / "python"
    manage = [python, "manage.py"]
    team_env = {**env, "TEAM_JWT_SIGNING_KEY": secrets.token_urlsafe(48)}

    try:
        print(f"adopter test in {work}")

        def build_wheel():
            expect(BUILD_PYTHON.exists(), f"{BUILD_PYTHON} is missing (npm start and npm test create .venv)")
            source = work / "source"
            source.mkdir()
            for name in ("pyproject.toml", "PACKAGE.md", "README.md", "MANIFEST.in", "LICENSE", "setup.cfg"):
                if (BACKEND / name).exists():
                    shutil.copy2(BACKEND / name, source / name)
            shutil.copytree(BACKEND / "src", source / "src",
                            ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info"))
            run([BUILD_PYTHON, "-m", "build", "--wheel", "--no-isolation", "--outdir", work / "dist",
                 source], cwd=work, env={**env, "PATH": os.environ.get("PATH", "")})
            (wheel,) = (work / "dist").glob("django_logout_lens-*.whl")
            state["wheel"] = wheel
            return wheel

        def wheel_contents():
            names = zipfile.ZipFile(state["wheel"]).namelist()
            tops = {name.split("/")[0] for name in names}
            expect({t for t in tops if not t.endswith(".dist-info")} == {"logout_lens"},
                   f"top-level entries besides logout_lens: {sorted(tops)}")
            unwanted = [n for n in names if any(part in n.split("/") for part in
                        ("tests", "config", "demo", "testhooks", "conftest.py", "manage.py"))
                        or n.endswith(".pyc")]
            expect(not unwanted, f"the wheel holds test or example files: {unwanted}")
            for needed in ("logout_lens/urls.py", "logout_lens/settings.py",
                           "logout_lens/sessions/migrations/__init__.py",
                           "logout_lens/sessions/migrations/0001_initial.py",
                           "logout_lens/audit/migrations/__init__.py",
                           "logout_lens/audit/migrations/0001_initial.py",
                           "logout_lens/sessions/management/commands/prune_refresh_tokens.py",
                           "logout_lens/audit/management/commands/prune_logout_events.py"):
                expect(needed in names, f"the wheel lacks {needed}")
            print(f"        {state['wheel'].name}: {len(names)} files")

        def install():
            run([sys.executable, "-m", "venv", venv], cwd=work, env=env)
            run([python, "-m", "pip", "install", "-q", "-c", CONSTRAINTS, state["wheel"]], cwd=work, env=env)
            run([python, "-m", "pip", "check"], cwd=work, env=env)
            where = run([python, "-c", "import logout_lens; print(logout_lens.__file__)"],
                        cwd=work, env=env).strip()
            expect(where.startswith(str(venv)), f"logout_lens imported from {where}, not the new venv")
            installed = run([python, "-m", "pip", "freeze"], cwd=work, env=env).splitlines()
            print("        " + " ".join(line.split(" @ ")[0] for line in installed))

        def start_project():
            project.mkdir()
            run([venv / "bin" / "django-admin", "startproject", "mysite", project], cwd=work, env=env)
            settings = project / "mysite" / "settings.py"
            expect("REST_FRAMEWORK" not in settings.read_text(), "startproject wrote REST_FRAMEWORK?")
            with settings.open("a") as handle:
                handle.write(SETTINGS_ADDITION)
            urls = project / "mysite" / "urls.py"
            text = urls.read_text()
            for old, new in (("from django.urls import path", "from django.urls import include, path"),
                             ("urlpatterns = [\n",
                              'urlpatterns = [\n    path("v1/auth/", include("logout_lens.urls")),\n')):
                expect(text.count(old) == 1, f"urls.py of startproject has no single {old!r}")
                text = text.replace(old, new)
            urls.write_text(text)
            (project / "mysite" / "production.py").write_text(PRODUCTION_SETTINGS)

        def migrate():
            out = run([*manage, "migrate", "--no-input"], cwd=project, env=env)
            for app in ("logout_lens_sessions", "logout_lens_audit"):
                expect(f"Applying {app}.0001_initial" in out, f"{app} was not migrated:\n{out}")
            # No model change without its migration (else an adopter's makemigrations would write
            # a migration into site-packages).
            run([*manage, "makemigrations", "--check", "--dry-run"], cwd=project, env=env)

        def check_development():
            out = run([*manage, "check", "--fail-level", "WARNING"], cwd=project, env=env)
            expect("logout_lens." not in out, out)

        def create_user():
            run([*manage, "createsuperuser", "--no-input"], cwd=project,
                env={**env, "DJANGO_SUPERUSER_USERNAME": "dana", "DJANGO_SUPERUSER_EMAIL": EMAIL,
                     "DJANGO_SUPERUSER_PASSWORD": PASSWORD})

        def start_server(cwd=project, server_env=env):
            nonlocal server
            port = free_port()
            log = (work / "runserver.log").open("w")
            server = subprocess.Popen([str(part) for part in manage] +
                                      ["runserver", "--noreload", f"127.0.0.1:{port}"],
                                      cwd=cwd, env=server_env, stdout=log, stderr=subprocess.STDOUT,
                                      start_new_session=True)
            deadline = time.monotonic() + 20
            while time.monotonic() < deadline:
                expect(server.poll() is None,
                       f"runserver exited {server.returncode}:\n{(work / 'runserver.log').read_text()}")
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                    break
                except OSError:
                    time.sleep(0.1)
            else:
                raise StepFailed("runserver did not listen within 20 s")
            state["client"] = Client(f"http://127.0.0.1:{port}")
            print(f"        http://127.0.0.1:{port}")

        def sign_in(device_id="adopter-1"):
            client = state["client"]
            status, body, headers = client.call("POST", "/v1/auth/login/", {
                "email": EMAIL, "password": PASSWORD, "remember_me": False, "device_id": device_id})
            expect(status == 200, f"login/ answered {status}: {body!r}")
            for key in ("access", "access_expires_at", "refresh_expires_at", "session_id", "user"):
                expect(key in body, f"login/ body lacks {key!r}: {body!r}")
            expect(body["user"]["email"] == EMAIL, f"signed in as {body['user']!r}")
            (set_cookie,) = [c for c in headers.get_all("Set-Cookie") or [] if c.startswith("ll_refresh=")]
            flags = {part.strip().split("=")[0].lower(): part.strip() for part in set_cookie.split(";")[1:]}
            expect("httponly" in flags, f"the refresh cookie is not HttpOnly: {set_cookie}")
            expect(flags.get("path") == "Path=/v1/auth/", f"the refresh cookie's path: {set_cookie}")
            expect(flags.get("samesite", "").lower() == "samesite=strict", f"SameSite: {set_cookie}")
            expect(client.cookie("ll_refresh") is not None, "the cookie jar did not keep ll_refresh")
            state["access"] = body["access"]
            state["session_id"] = body["session_id"]

        def me():
            status, body, _ = state["client"].call(
                "GET", "/v1/auth/me/", headers={"Authorization": f"Bearer {state['access']}"})
            expect(status == 200 and body.get("email") == EMAIL, f"me/ answered {status}: {body!r}")
            status, body, _ = state["client"].call("GET", "/v1/auth/me/")
            error_shape(status, body, 401, "not_authenticated")

        def refresh():
            client = state["client"]
            before = client.cookie("ll_refresh").value
            status, body, _ = client.call("POST", "/v1/auth/refresh/", headers=AJAX)
            expect(status == 200 and "access" in body, f"refresh/ answered {status}: {body!r}")
            expect(client.cookie("ll_refresh").value != before, "refresh/ did not rotate the cookie")
            state["access"] = body["access"]

        def error_bodies():
            client = state["client"]
            status, body, _ = client.call("POST", "/v1/auth/refresh/")  # no X-Requested-With
            error_shape(status, body, 403)
            status, body, _ = client.call("POST", "/v1/auth/login/", {"email": EMAIL, "password": "wrong"})
            error_shape(status, body, 401)
            status, body, _ = Client(client.base).call("POST", "/v1/auth/refresh/", headers=AJAX)
            error_shape(status, body, 401, "refresh_missing")

        def logout_event():
            status, body, _ = state["client"].call("POST", "/v1/auth/logout-event/", {
                "type": "USER_INITIATED", "message": "Signed out from the adopter test",
                "idle_seconds": 0, "occurred_at": "2026-11-28T10:15:00.123Z",
                "device_id": "adopter-1", "session_id": state["session_id"], "tab_id": "tab-1",
                "route": "/home", "details": {"had_access_token": True}},
                headers={**AJAX, "Authorization": f"Bearer {state['access']}"})
            expect(status == 201, f"logout-event/ answered {status}: {body!r}")
            expect(body.get("verified") is True and body.get("session_revoked") is True,
                   f"the event was not verified or did not end the session: {body!r}")
            # The browser's sign-out ended the session on the server: its cookie refreshes no more.
            status, body, _ = state["client"].call("POST", "/v1/auth/refresh/", headers=AJAX)
            error_shape(status, body, 401, "refresh_revoked")

        def audit_trail():
            sign_in(device_id="adopter-2")
            status, body, _ = state["client"].call(
                "GET", "/v1/auth/logout-events/", headers={"Authorization": f"Bearer {state['access']}"})
            expect(status == 200, f"logout-events/ answered {status}: {body!r}")
            events = body["results"] if isinstance(body, dict) and "results" in body else body
            expect(any(e.get("type") == "USER_INITIATED" and e.get("source") == "client" for e in events),
                   f"the browser's event is not listed: {body!r}")

        def sign_out():
            client = state["client"]
            status, body, _ = client.call("POST", "/v1/auth/logout/", headers=AJAX)
            expect(status in (200, 204), f"logout/ answered {status}: {body!r}")
            expect(client.cookie("ll_refresh") is None, "logout/ did not clear the cookie")

        def stop_server():
            server.terminate()
            server.wait(timeout=10)
            log = (work / "runserver.log").read_text()
            expect("Traceback" not in log, f"the server logged an exception:\n{log[-4000:]}")

        def check_production():
            out = run([*manage, "check", "--deploy", "--fail-level", "WARNING"], cwd=project,
                      env={**env, "DJANGO_SETTINGS_MODULE": "mysite.production",
                           "DJANGO_SECRET_KEY": secrets.token_urlsafe(50)})
            expect("logout_lens." not in out, out)
            expect("no issues" in out, out)

        def check_mounted_elsewhere():
            # A team that includes the URLs elsewhere must move the cookie's path with them.
            (project / "mysite" / "elsewhere.py").write_text(
                'from .settings import *  # noqa: F401,F403\n\nROOT_URLCONF = "mysite.elsewhere_urls"\n')
            (project / "mysite" / "elsewhere_urls.py").write_text(
                'from django.urls import include, path\n\n'
                'urlpatterns = [path("api/auth/", include("logout_lens.urls"))]\n')
            done = subprocess.run([str(part) for part in manage] + ["check", "--fail-level", "WARNING"], cwd=project,
                                  env={**env, "DJANGO_SETTINGS_MODULE": "mysite.elsewhere"},
                                  stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=60)
            expect(done.returncode != 0 and "logout_lens.W004" in done.stdout
                   and "'/api/auth/'" in done.stdout,
                   f"check did not name REFRESH_COOKIE_PATH (exit {done.returncode}):\n{done.stdout}")

        team = work / "team"

        def team_project():
            run([python, "-m", "pip", "install", "-q", "-c", CONSTRAINTS, f"{state['wheel']}[simplejwt]"],
                cwd=work, env=env)
            run([python, "-m", "pip", "check"], cwd=work, env=env)
            team.mkdir()
            run([venv / "bin" / "django-admin", "startproject", "teamsite", team], cwd=work, env=env)
            settings = team / "teamsite" / "settings.py"
            with settings.open("a") as handle:
                handle.write(TEAM_SETTINGS + SIMPLEJWT_ADDITION)
            (team / "teamsite" / "api.py").write_text(TEAM_API)
            (team / "teamsite" / "urls.py").write_text(TEAM_URLS)
            run([*manage, "migrate", "--no-input"], cwd=team, env=team_env)
            out = run([*manage, "check", "--fail-level", "WARNING"], cwd=team, env=team_env)
            expect("logout_lens" not in out, out)
            run([*manage, "createsuperuser", "--no-input"], cwd=team,
                env={**team_env, "DJANGO_SUPERUSER_USERNAME": "dana", "DJANGO_SUPERUSER_EMAIL": EMAIL,
                     "DJANGO_SUPERUSER_PASSWORD": PASSWORD})

        def team_server():
            start_server(cwd=team, server_env=team_env)

        def team_sessions():
            client = state["client"]
            status, body, headers = client.call("POST", "/api/token/", {
                "username": "dana", "password": PASSWORD, "remember_me": True, "device_id": "team-1"})
            expect(status == 200, f"api/token/ answered {status}: {body!r}")
            expect("refresh" not in body, f"a refresh token in the body: {sorted(body)}")
            (set_cookie,) = [c for c in headers.get_all("Set-Cookie") or [] if c.startswith("ll_refresh=")]
            expect("HttpOnly" in set_cookie and "Path=/api/token/" in set_cookie, set_cookie)
            expect("Max-Age=1728000" in set_cookie, f"not 20 days: {set_cookie}")
            access = body["access"]
            # The team's view, untouched, takes the token: it is a stock simplejwt access token.
            status, hello, _ = client.call("GET", "/api/hello/", headers={"Authorization": f"Bearer {access}"})
            expect(status == 200 and hello == {"hello": "dana"}, f"api/hello/ answered {status}: {hello!r}")
            before = client.cookie("ll_refresh").value
            status, renewed, _ = client.call("POST", "/api/token/refresh/", headers=AJAX)
            expect(status == 200 and renewed["refresh_expires_at"] == body["refresh_expires_at"],
                   f"refresh/ answered {status}: {renewed!r}")
            expect(client.cookie("ll_refresh").value != before, "refresh/ did not rotate the cookie")
            status, hello, _ = client.call(
                "GET", "/api/hello/", headers={"Authorization": f"Bearer {renewed['access']}"})
            expect(status == 200, f"api/hello/ with the renewed token answered {status}: {hello!r}")
            # A password changed by any path ends the session, with its own code.
            run([*manage, "shell", "-c",
                 "from django.contrib.auth.models import User; u = User.objects.get(username='dana'); "
                 "u.set_password('a-new-passphrase-2026'); u.save()"], cwd=team, env=team_env)
            status, ended, _ = client.call("POST", "/api/token/refresh/", headers=AJAX)
            error_shape(status, ended, 401, "password_changed")

        run_.step("build the wheel (no isolation, .venv's pinned setuptools)", build_wheel)
        run_.step("wheel: package and migrations, no tests or example project", wheel_contents)
        run_.step("fresh venv: pip install the wheel -c constraints.txt", install)
        run_.step("startproject mysite + the README's settings and URL include", start_project)
        run_.step("migrate; makemigrations --check", migrate)
        run_.step("check --fail-level WARNING (development)", check_development)
        run_.step("createsuperuser", create_user)
        run_.step("runserver --noreload", start_server)
        run_.step("POST login/ -> 200, access token, HttpOnly ll_refresh", sign_in)
        run_.step("GET me/ with the bearer -> 200 (without: 401 {detail, code})", me)
        run_.step("POST refresh/ with cookie + header -> 200, rotated cookie", refresh)
        run_.step("errors are {detail, code}: no header 403, wrong password 401, no cookie 401",
                  error_bodies)
        run_.step("POST logout-event/ -> 201, verified; it ended the session", logout_event)
        run_.step("sign in again; GET logout-events/ (staff) lists the event", audit_trail)
        run_.step("POST logout/ clears the cookie", sign_out)
        run_.step("stop the server (no exception logged)", stop_server)
        run_.step("check --deploy --fail-level WARNING (mysite.production)", check_production)
        run_.step("included under api/auth/ with the default cookie path: check warns, W004",
                  check_mounted_elsewhere)
        run_.step("a team's simplejwt project: pip install the wheel[simplejwt], startproject, "
                  "PACKAGE.md's simplejwt settings; migrate, check", team_project)
        run_.step("runserver --noreload (the simplejwt project)", team_server)
        run_.step("api/token/ -> a stock simplejwt token the team's view takes; refresh/ rotates; "
                  "a password change -> 401 password_changed", team_sessions)
        run_.step("stop the server (no exception logged)", stop_server)
    finally:
        if server is not None and server.poll() is None:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
        shutil.rmtree(work, ignore_errors=True)
        run_.summary()
    return 1 if run_.failed else 0


if __name__ == "__main__":
    sys.exit(main())
