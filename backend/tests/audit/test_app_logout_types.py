"""An app's own logout types (APP_LOGOUT_TYPES): accepted, stored and listed like the built-in ones."""
import json

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from logout_lens.audit.models import LogoutEvent
from conftest import AJAX, bearer, login

pytestmark = pytest.mark.django_db

URL = "/v1/auth/logout-event/"


def post(client, body, **extra):
    return client.post(URL, json.dumps(body), content_type="application/json", **{**AJAX, **extra})


@pytest.fixture
def own_types(ll_settings):
    ll_settings(APP_LOGOUT_TYPES=["LICENSE_EXPIRED", "TENANT_SWITCHED"])


def test_a_declared_type_is_stored_and_listed(api, user, own_types):
    signed_in = login(api)
    auth = bearer(signed_in)

    response = post(api, {"type": "LICENSE_EXPIRED", "message": "The licence of Acme expired."}, **auth)

    assert response.status_code == 201, response.content
    # The browser's record, and the server's own as it revoked the session: both of the app's type.
    assert sorted(LogoutEvent.objects.values_list("type", "source")) == [
        ("LICENSE_EXPIRED", "client"), ("LICENSE_EXPIRED", "server"),
    ]
    # The event ended the session: a new sign-in reads the trail.
    listed = api.get("/v1/auth/logout-events/", {"type": "LICENSE_EXPIRED"}, **bearer(login(api))).json()
    assert [row["type"] for row in listed["results"]] == ["LICENSE_EXPIRED", "LICENSE_EXPIRED"]


def test_a_type_the_project_did_not_declare_is_recorded_as_unknown_under_its_name_and_ends_the_session(
    api, user, ll_settings
):
    ll_settings(APP_LOGOUT_TYPES=[])
    auth = bearer(login(api))

    response = post(api, {"type": "LICENSE_EXPIRED", "message": "The licence expired."}, **auth)

    assert response.status_code == 201, response.content
    client = LogoutEvent.objects.get(source="client")
    assert (client.type, client.details["reported_type"]) == ("UNKNOWN", "LICENSE_EXPIRED")
    # The server ended the session all the same.
    assert LogoutEvent.objects.filter(source="server").count() == 1
    assert api.get("/v1/auth/me/", **auth).status_code == 401


@pytest.mark.parametrize("kind", ["license_expired", "LICENSE-EXPIRED", "AB", "A" * 33, "<script>", 7])
def test_a_malformed_type_is_400_and_nothing_is_stored(api, kind):
    response = post(api, {"type": kind})

    assert response.status_code == 400
    assert response.json()["code"] == "invalid"
    assert not LogoutEvent.objects.exists()


@pytest.mark.parametrize(
    "types",
    [["license_expired"], ["TOKEN_EXPIRED"], ["A" * 33], "LICENSE_EXPIRED", [42]],
    ids=["lower case", "a built-in type", "too long", "a string, not a list", "not a string"],
)
def test_a_malformed_declaration_is_a_system_check_error(ll_settings, types):
    ll_settings(APP_LOGOUT_TYPES=types)

    with pytest.raises(SystemCheckError, match="logout_lens.E006"):
        call_command("check")
