"""Tokens inside a logout event (JWTs anywhere in a string, `Bearer` credentials) are never stored."""
import logging

import pytest

from logout_lens.audit.models import LogoutEvent
from tests.audit.test_logout_event import event, post

pytestmark = pytest.mark.django_db

JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl"


def stored_after(api, **fields):
    response = post(api, event(**fields))
    assert response.status_code == 201, response.content
    return LogoutEvent.objects.get(source="client")


def test_a_bearer_jwt_inside_a_details_value_is_redacted(api):
    details = {"request": {"headers": f"Authorization: Bearer {JWT}"}, "list": [f"token={JWT};"]}

    stored = stored_after(api, details=details)

    assert stored.details == {
        "request": {"headers": "Authorization: Bearer [redacted]"},
        "list": ["token=[redacted];"],
    }


def test_a_bearer_credential_of_any_shape_is_redacted(api):
    stored = stored_after(api, details={"auth": "bearer opaque-Token_123/+=", "kept": "Bearer"})

    assert stored.details == {"auth": "bearer [redacted]", "kept": "Bearer"}


def test_a_jwt_inside_a_details_key_is_redacted(api):
    stored = stored_after(api, details={f"cache:{JWT}": 1})

    assert stored.details == {"cache:[redacted]": 1}


def test_a_jwt_inside_the_message_is_redacted_and_not_logged(api, caplog):
    caplog.set_level(logging.INFO, logger="logoutlens.audit")

    stored = stored_after(api, message=f"refresh failed for Bearer {JWT} (401)")

    assert stored.message == "refresh failed for Bearer [redacted] (401)"
    assert not any(JWT in record.getMessage() for record in caplog.records)


def test_a_jwt_inside_the_route_is_redacted(api):
    stored = stored_after(api, route=f"/callback/{JWT}/done?access={JWT}")

    assert stored.route == "/callback/[redacted]/done"


def test_redaction_never_makes_a_field_longer_than_it_may_be(api):
    stored = stored_after(api, message="Bearer x " * 55)

    assert len(stored.message) <= 500
    assert "Bearer x" not in stored.message


@pytest.mark.parametrize(
    "text, expected",
    [
        ("no secrets here", "no secrets here"),
        ("eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.", "[redacted]"),  # unsigned ("alg": "none")
        ("xBearer\u2028secret", "xBearer [redacted]"),
        ("two: " + JWT + " " + JWT, "two: [redacted] [redacted]"),
    ],
)
def test_the_redaction_function(text, expected):
    from logout_lens.audit.redaction import redact_secrets

    assert redact_secrets(text) == expected
