"""Whatever a client sends to login/ and refresh/, the answer is never a server error."""
import json

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from rest_framework.test import APIClient

from conftest import AJAX

pytestmark = pytest.mark.django_db

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=12,
)
login_like = st.fixed_dictionaries(
    {},
    optional={
        "email": json_values | st.emails(),
        "password": json_values,
        "remember_me": json_values,
        "device_id": json_values,
    },
)
FUZZ = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@FUZZ
@given(body=st.one_of(login_like.map(json.dumps).map(str.encode), json_values.map(json.dumps).map(str.encode), st.binary(max_size=200)))
def test_login_never_fails_with_5xx(user, body):
    response = APIClient().post("/v1/auth/login/", body, content_type="application/json")

    assert response.status_code < 500


@FUZZ
@given(cookie=st.text(alphabet=st.characters(min_codepoint=33, max_codepoint=126, blacklist_characters=';,"\\'), max_size=80))
def test_refresh_never_fails_with_5xx(cookie):
    client = APIClient()
    client.cookies["ll_refresh"] = cookie

    assert client.post("/v1/auth/refresh/", **AJAX).status_code == 401
