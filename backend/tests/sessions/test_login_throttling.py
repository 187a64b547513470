"""
Sign-in limits: failed sign-ins per (IP, account) and per account, a ceiling on all attempts
per IP, the same gate on the Django admin's sign-in, and a per-user limit on change-password.
"""
import pytest
from rest_framework.test import APIClient

from conftest import PASSWORD, bearer, login

pytestmark = pytest.mark.django_db

URL = "/v1/auth/login/"
OFFICE = "198.51.100.1"


def attempt(email="dana@example.com", password="wrong", ip=OFFICE):
    return APIClient().post(URL, {"email": email, "password": password}, format="json", REMOTE_ADDR=ip)


def test_failures_are_counted_per_ip_and_account(user, other_user, throttle_rates):
    throttle_rates(login_failures="2/min")

    statuses = [attempt().status_code for _ in range(3)]

    assert statuses == [401, 401, 429]
    # A colleague behind the same NAT is not locked out, nor is the user on another network.
    assert attempt(email="omar@example.com", password=PASSWORD).status_code == 200
    assert attempt(password=PASSWORD, ip="203.0.113.9").status_code == 200


def test_a_refused_attempt_is_throttled_with_retry_after(user, throttle_rates):
    throttle_rates(login_failures="1/min")
    attempt()

    # Refused before the password is checked, so even the right one waits.
    response = attempt(password=PASSWORD)

    assert response.status_code == 429
    assert response.json()["code"] == "throttled"
    assert 0 < int(response["Retry-After"]) <= 60
    assert "ll_refresh" not in response.cookies


def test_the_account_is_recognised_whatever_its_case_and_spaces(user, throttle_rates):
    throttle_rates(login_failures="2/min")
    attempt(email="DANA@example.com")
    attempt(email="dana@EXAMPLE.com")

    assert attempt(email="  Dana@Example.COM ").status_code == 429


def test_guessing_one_account_from_many_ips_is_limited(user, other_user, throttle_rates):
    throttle_rates(login_account_failures="3/min")

    statuses = [attempt(ip=f"198.51.100.{i}").status_code for i in range(10, 14)]

    assert statuses == [401, 401, 401, 429]
    assert attempt(email="omar@example.com", password=PASSWORD, ip="198.51.100.99").status_code == 200


def test_unknown_accounts_are_limited_too(throttle_rates):
    throttle_rates(login_failures="2/min")

    statuses = [attempt(email="nobody@example.com").status_code for _ in range(3)]

    assert statuses == [401, 401, 429]


def test_a_successful_sign_in_is_never_counted_as_a_failure(user, throttle_rates):
    throttle_rates(login_failures="2/min", login_account_failures="2/min")

    assert [attempt(password=PASSWORD).status_code for _ in range(5)] == [200] * 5
    assert [attempt().status_code for _ in range(3)] == [401, 401, 429]


def test_all_attempts_from_one_ip_have_a_ceiling(user, other_user, throttle_rates):
    throttle_rates(login="3/min")
    accounts = ["dana@example.com", "omar@example.com"] * 2

    statuses = [attempt(email=email, password=PASSWORD).status_code for email in accounts]

    assert statuses == [200, 200, 200, 429]
    assert attempt(password=PASSWORD, ip="203.0.113.9").status_code == 200


def admin_sign_in(client, password, ip=OFFICE):
    body = {"username": "sam@example.com", "password": password, "next": "/admin/"}
    return client.post("/admin/login/", body, REMOTE_ADDR=ip)


def test_the_admin_sign_in_is_throttled_by_the_same_gate(client, staff_user, throttle_rates):
    throttle_rates(login_failures="2/min")
    # One failure through the API and one through the admin: the same account, the same budget.
    assert attempt(email="sam@example.com").status_code == 401
    assert admin_sign_in(client, "wrong").status_code == 200  # the form again, with an error

    refused = admin_sign_in(client, PASSWORD)

    assert refused.status_code == 429
    assert refused["Content-Type"].startswith("text/plain")
    assert 0 < int(refused["Retry-After"]) <= 60
    assert b"Too many sign-in attempts" in refused.content
    assert "sessionid" not in refused.cookies
    # From another network the right password still signs in.
    assert admin_sign_in(client, PASSWORD, ip="203.0.113.9").status_code == 302


CHANGE_PASSWORD = "/v1/auth/change-password/"


def test_change_password_is_limited_per_user(signed_in, other_user, throttle_rates):
    throttle_rates(change_password="2/min")
    client, grant = signed_in
    guess = {"current_password": "guess", "new_password": "n3w-long-passphrase-42"}

    def change(client, grant, **extra):
        return client.post(CHANGE_PASSWORD, guess, format="json", **bearer(grant), **extra)

    statuses = [change(client, grant).status_code for _ in range(3)]
    moved = change(client, grant, REMOTE_ADDR="203.0.113.50")
    other = APIClient()
    someone_else = change(other, login(other, email="omar@example.com"))

    assert statuses == [400, 400, 429]
    # The limit follows the user to another address; another user has their own.
    assert moved.status_code == 429 and moved.json()["code"] == "throttled"
    assert "Retry-After" in moved
    assert someone_else.status_code == 400
