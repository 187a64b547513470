"""Whatever a browser (or anyone) posts to logout-event/, the answer is never a server error."""
import json

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from rest_framework.test import APIClient

from audit.models import LogoutType
from conftest import AJAX

pytestmark = pytest.mark.django_db

scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=60)
json_values = st.recursive(
    scalars,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=20,
)
event_like = st.fixed_dictionaries(
    {"type": st.sampled_from([t.value for t in LogoutType]) | json_values},
    optional={
        name: json_values
        for name in ("message", "idle_seconds", "occurred_at", "device_id", "session_id", "tab_id", "route", "details")
    },
)
bodies = st.one_of(
    event_like.map(json.dumps).map(str.encode),
    json_values.map(json.dumps).map(str.encode),
    st.binary(max_size=300),
)


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=bodies, bearer=st.none() | st.text(max_size=40))
def test_logout_event_never_fails_with_5xx(body, bearer):
    extra = dict(AJAX)
    if bearer is not None:
        extra["HTTP_AUTHORIZATION"] = "Bearer " + bearer.encode("ascii", "ignore").decode()

    response = APIClient().post("/v1/auth/logout-event/", body, content_type="application/json", **extra)

    assert response.status_code < 500
