"""Shared fixtures for the backend tests."""
import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from logout_lens.settings import DEFAULTS

AJAX = {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"}
PASSWORD = "correct-horse-battery-9"
COOKIE = "ll_refresh"


@pytest.fixture(autouse=True)
def _fast_and_isolated(settings):
    """Cheap password hashing, generous rate limits and an empty cache for every test."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    generous = dict.fromkeys(DEFAULTS["THROTTLE_RATES"], "10000/min")
    settings.LOGOUT_LENS = {**settings.LOGOUT_LENS, "THROTTLE_RATES": generous}
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def ll_settings(settings):
    """Override keys of LOGOUT_LENS for one test: `ll_settings(REFRESH_GRACE_SECONDS=0)`."""

    def override(**values):
        settings.LOGOUT_LENS = {**settings.LOGOUT_LENS, **values}

    return override


@pytest.fixture
def throttle_rates(settings):
    """Override LOGOUT_LENS["THROTTLE_RATES"] scopes for one test: `throttle_rates(login="2/min")`."""

    def override(**rates):
        current = settings.LOGOUT_LENS.get("THROTTLE_RATES", {})
        settings.LOGOUT_LENS = {**settings.LOGOUT_LENS, "THROTTLE_RATES": {**current, **rates}}

    return override


def make_user(django_user_model, email, name=("Dana", "Demo"), **extra):
    return django_user_model.objects.create_user(
        username=email, email=email, password=PASSWORD, first_name=name[0], last_name=name[1], **extra
    )


@pytest.fixture
def user(django_user_model):
    return make_user(django_user_model, "dana@example.com")


@pytest.fixture
def other_user(django_user_model):
    return make_user(django_user_model, "omar@example.com", name=("Omar", "Other"))


@pytest.fixture
def staff_user(django_user_model):
    return make_user(django_user_model, "sam@example.com", name=("Sam", "Support"), is_staff=True)


@pytest.fixture
def api():
    return APIClient()


def login(client, email="dana@example.com", password=PASSWORD, **extra):
    """POST login/ and return the response (the client keeps the refresh cookie)."""
    body = {"email": email, "password": password, "device_id": "device-1", **extra}
    return client.post("/v1/auth/login/", body, format="json")


def refresh(client, **headers):
    return client.post("/v1/auth/refresh/", **{**AJAX, **headers})


def bearer(response):
    return {"HTTP_AUTHORIZATION": f"Bearer {response.json()['access']}"}


@pytest.fixture
def signed_in(api, user):
    """A client signed in as `user`; returns (client, login response)."""
    response = login(api)
    assert response.status_code == 200, response.content
    return api, response
