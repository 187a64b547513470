"""
The OpenAPI schema (drf-spectacular): the one generated from the code is the committed
backend/openapi.yaml, it is valid and free of warnings, it covers every endpoint of the package,
and the package works without drf-spectacular installed. Also the regressions Schemathesis
found against the running backend (scripts/schemathesis.sh).
"""
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from django.core.management import call_command
from django.urls import URLPattern, URLResolver

import logout_lens.contrib.simplejwt.urls
import logout_lens.urls
from conftest import bearer
from logout_lens.schema import SESSION_OVER_CODES

BACKEND = Path(__file__).resolve().parents[2]
COMMITTED = BACKEND / "openapi.yaml"
REGENERATE = (
    "cd backend && LL_ENV=development ../.venv/bin/python manage.py spectacular "
    "--validate --fail-on-warn --file openapi.yaml"
)
PREFIX = "/v1/auth/"
SIMPLEJWT_PREFIX = "/v1/simplejwt/token/"
SIX_SESSION_OVER_CODES = {
    "refresh_missing",
    "refresh_expired",
    "refresh_revoked",
    "refresh_reused",
    "password_changed",
    "account_disabled",
}


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    """The schema as `manage.py spectacular --validate --fail-on-warn` writes it (text)."""
    target = tmp_path_factory.mktemp("schema") / "openapi.yaml"
    # Raises on any warning or error of the generator and on a schema that does not validate.
    call_command("spectacular", validate=True, fail_on_warn=True, file=str(target))
    return target.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def schema(generated):
    return yaml.safe_load(generated)


def test_the_committed_schema_is_the_generated_one(generated):
    assert COMMITTED.exists(), f"backend/openapi.yaml is missing; generate it with: {REGENERATE}"
    committed = COMMITTED.read_text(encoding="utf-8")
    assert generated == committed, (
        "backend/openapi.yaml is out of date with the code; regenerate it with: " + REGENERATE
    )


def test_the_schema_validates(schema):
    from drf_spectacular.validation import validate_schema

    validate_schema(schema)
    assert schema["openapi"].startswith("3.")


def _routes(patterns, prefix=""):
    """The OpenAPI paths of a URLconf's patterns ("<uuid:id>" becomes "{id}")."""
    import re

    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from _routes(pattern.url_patterns, route)
        elif isinstance(pattern, URLPattern):
            yield re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", route)


def test_every_url_of_the_package_is_in_the_schema(schema):
    own = {PREFIX + route for route in _routes(logout_lens.urls.urlpatterns)}
    simplejwt = {SIMPLEJWT_PREFIX + route for route in _routes(logout_lens.contrib.simplejwt.urls.urlpatterns)}
    assert len(own) == 10 and len(simplejwt) == 4
    routes = own | simplejwt
    assert routes <= set(schema["paths"]), routes - set(schema["paths"])
    # ... and nothing else: not the example's demo endpoints nor the test hooks.
    assert set(schema["paths"]) == routes


def test_every_operation_documents_its_errors_with_the_error_body(schema):
    operations = [
        (path, method, operation)
        for path, item in schema["paths"].items()
        for method, operation in item.items()
    ]
    assert len(operations) == 15
    for path, method, operation in operations:
        responses = operation["responses"]
        errors = {status: answer for status, answer in responses.items() if int(status) >= 400}
        assert {"400", "413"} <= set(errors), (path, method)
        for status, answer in errors.items():
            ref = answer["content"]["application/json"]["schema"]["$ref"]
            body = schema["components"]["schemas"][ref.rsplit("/", 1)[1]]
            assert {"detail", "code"} <= set(body["required"]), (path, method, status)
        if operation.get("security") != [{}]:
            assert "401" in responses or "403" in responses, (path, method)


def test_the_session_over_codes_are_an_enum_on_refreshs_401(schema):
    components = schema["components"]["schemas"]
    assert set(components["SessionOverCode"]["enum"]) == SIX_SESSION_OVER_CODES
    assert len(components["SessionOverCode"]["enum"]) == 6
    assert set(SESSION_OVER_CODES) == SIX_SESSION_OVER_CODES
    refused = schema["paths"]["/v1/auth/refresh/"]["post"]["responses"]["401"]
    body = refused["content"]["application/json"]["schema"]["$ref"].rsplit("/", 1)[1]
    assert components[body]["properties"]["code"] == {"$ref": "#/components/schemas/SessionOverCode"}


def test_security_schemes_and_the_cookie_endpoints(schema):
    schemes = schema["components"]["securitySchemes"]
    assert schemes["bearerAuth"] == {
        **schemes["bearerAuth"],
        "type": "http",
        "scheme": "bearer",
        "bearerFormat": "JWT",
    }
    assert schemes["refreshCookie"] == {
        **schemes["refreshCookie"],
        "type": "apiKey",
        "in": "cookie",
        "name": "ll_refresh",
    }
    paths = schema["paths"]
    assert paths["/v1/auth/refresh/"]["post"]["security"] == [{"refreshCookie": []}]
    assert {"refreshCookie": []} in paths["/v1/auth/logout/"]["post"]["security"]
    assert {"refreshCookie": []} in paths["/v1/auth/logout-event/"]["post"]["security"]
    assert paths["/v1/auth/me/"]["get"]["security"] == [{"bearerAuth": []}]
    for path in ("/v1/auth/refresh/", "/v1/auth/logout/", "/v1/auth/logout-event/"):
        (header,) = [p for p in paths[path]["post"]["parameters"] if p["in"] == "header"]
        assert header["name"] == "X-Requested-With" and header["required"] is True
        assert header["schema"]["enum"] == ["XMLHttpRequest"]


def test_the_grant_body_is_what_a_sign_in_answers(schema, signed_in):
    _, response = signed_in
    grant = schema["components"]["schemas"]["SessionGrant"]
    assert set(grant["properties"]) == set(response.json())
    assert set(grant["required"]) == set(response.json())
    user = schema["components"]["schemas"]["User"]
    assert set(user["properties"]) == set(response.json()["user"])


def test_the_schema_is_served_in_development(api, schema):
    response = api.get("/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    assert response.json() == schema


def test_the_package_imports_without_drf_spectacular():
    """Run in a fresh interpreter in which `import drf_spectacular` fails."""
    script = """
import importlib, sys

class NoSpectacular:
    def find_spec(self, name, path=None, target=None):
        if name == "drf_spectacular" or name.startswith("drf_spectacular."):
            raise ImportError("drf_spectacular is not installed")

sys.meta_path.insert(0, NoSpectacular())
import os
os.environ["LL_ENV"] = "development"
os.environ["LL_SCHEMA"] = "0"
os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
import django
from django.conf import settings
django.setup()
from django.urls import resolve
import logout_lens.schema as schema
assert not schema.HAVE_SPECTACULAR
for module in ("logout_lens.urls", "logout_lens.sessions.views", "logout_lens.audit.views"):
    importlib.import_module(module)
assert resolve("/v1/auth/login/").func.cls.__name__ == "LoginView"
print("ok")
"""
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=BACKEND, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


# Found by Schemathesis against the development backend (scripts/schemathesis.sh).


@pytest.mark.django_db
@pytest.mark.parametrize("session_id", ["null,null", "not-a-uuid", "a/b", "0"])
def test_a_session_id_that_is_no_uuid_is_the_packages_json_404(settings, signed_in, session_id):
    """
    The id was matched by Django's uuid converter, so anything else fell through to the host's
    404 page: HTML with DEBUG on (Django's technical page) or in a project without a JSON
    handler404, where the schema promises {detail, code}.
    """
    settings.DEBUG = True
    client, login = signed_in
    response = client.delete(f"/v1/auth/sessions/{session_id}/", **bearer(login))
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"detail": "Not found.", "code": "not_found"}
