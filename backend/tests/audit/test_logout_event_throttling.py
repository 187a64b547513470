"""
Logout-event budgets: per client IP for everyone, per user for senders who prove who they
are. A device id in the body decides nobody's budget.
"""
import pytest
from rest_framework.test import APIClient

from logout_lens.audit.models import LogoutEvent
from tests.audit.test_logout_event import event, post
from conftest import COOKIE, bearer, login

pytestmark = pytest.mark.django_db

VICTIM_IP = "192.0.2.10"
ATTACKER_IP = "198.51.100.66"


def test_a_known_device_id_cannot_use_up_its_owners_budget(user, throttle_rates):
    throttle_rates(logout_event="3/min", logout_event_user="3/min")
    victim = APIClient()
    grant = login(victim)
    victims_device = event(device_id="device-1")

    attacker = [post(APIClient(), victims_device, REMOTE_ADDR=ATTACKER_IP).status_code for _ in range(4)]
    elsewhere = [post(APIClient(), victims_device, REMOTE_ADDR=f"198.51.100.{i}").status_code for i in range(1, 5)]
    response = post(victim, victims_device, REMOTE_ADDR=VICTIM_IP, **bearer(grant))

    assert attacker == [201, 201, 201, 429]  # the attacker's own address runs out
    assert elsewhere == [201] * 4
    assert response.status_code == 201, response.content
    assert response.json()["verified"] is True
    assert LogoutEvent.objects.filter(user=user, source="client").count() == 1


def test_a_verified_sender_has_one_budget_across_addresses_and_proofs(signed_in, user, other_user, throttle_rates):
    throttle_rates(logout_event="100/min", logout_event_user="2/min")
    client, grant = signed_in

    by_token = [post(client, event(), REMOTE_ADDR=f"192.0.2.{i}", **bearer(grant)).status_code for i in (1, 2)]
    by_cookie = post(client, event(), REMOTE_ADDR="192.0.2.3")  # the refresh cookie proves the same user
    anonymous = post(APIClient(), event(), REMOTE_ADDR="192.0.2.4")
    other = APIClient()
    someone_else = post(other, event(), REMOTE_ADDR="192.0.2.5", **bearer(login(other, email="omar@example.com")))

    assert by_token == [201, 201]
    assert client.cookies[COOKIE].value
    assert by_cookie.status_code == 429 and by_cookie.json()["code"] == "throttled"
    assert "Retry-After" in by_cookie
    assert anonymous.status_code == 201
    assert someone_else.status_code == 201 and someone_else.json()["verified"] is True


def test_the_sender_is_identified_once_per_request(signed_in, monkeypatch):
    import logout_lens.audit.identify as identify_module

    calls = []
    real = identify_module.identify_sender
    monkeypatch.setattr(identify_module, "identify_sender", lambda request: calls.append(1) or real(request))
    client, grant = signed_in

    response = post(client, event(), **bearer(grant))

    assert response.status_code == 201 and response.json()["verified"] is True
    assert len(calls) == 1


def test_the_ip_budget_applies_to_verified_senders_too(signed_in, throttle_rates):
    throttle_rates(logout_event="2/min", logout_event_user="100/min")
    client, grant = signed_in

    statuses = [post(client, event(), REMOTE_ADDR=VICTIM_IP, **bearer(grant)).status_code for _ in range(3)]

    assert statuses == [201, 201, 429]
