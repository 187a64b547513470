import importlib

import pytest
from django.urls import Resolver404, clear_url_caches, resolve

import config.urls
from conftest import bearer

pytestmark = pytest.mark.django_db


def test_data_is_served_to_a_signed_in_user(signed_in):
    client, first = signed_in

    response = client.get("/v1/demo/data/", **bearer(first))

    assert response.status_code == 200
    body = response.json()
    assert body["user"]["email"] == "dana@example.com"
    assert body["message"] and body["served_at"].endswith("Z")


@pytest.mark.parametrize(
    "path, status, code",
    [
        ("forbidden", 403, "forbidden"),
        ("payment-required", 402, "payment_required"),
        ("server-error", 500, "server_error"),
        ("bad-gateway", 502, "bad_gateway"),
        ("unavailable", 503, "service_unavailable"),
    ],
)
def test_failing_endpoints_answer_their_status_as_json(signed_in, path, status, code):
    client, first = signed_in

    response = client.get(f"/v1/demo/{path}/", **bearer(first))

    assert response.status_code == status
    assert response.json()["code"] == code
    assert response.json()["detail"]


@pytest.mark.parametrize("path", ["data", "forbidden", "server-error"])
def test_demo_endpoints_need_an_access_token(api, path):
    response = api.get(f"/v1/demo/{path}/")

    assert response.status_code == 401
    assert response.json()["code"] == "not_authenticated"


def test_demo_endpoints_are_not_mounted_when_disabled(settings):
    settings.LL_DEMO_ENDPOINTS = False
    try:
        importlib.reload(config.urls)
        clear_url_caches()
        with pytest.raises(Resolver404):
            resolve("/v1/demo/data/")
    finally:
        settings.LL_DEMO_ENDPOINTS = True
        importlib.reload(config.urls)
        clear_url_caches()
