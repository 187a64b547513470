"""
No refresh outlives a revocation: a client refreshing in a loop while its session is
revoked (sign-out, DELETE sessions/<id>/, password change, reuse) must be refused from then
on. Real threads on PostgreSQL, where the refresh and the revocation run in concurrent
transactions (SQLite serialises every writer, so the race cannot happen there).
"""
import threading

import pytest
from django.db import connection
from rest_framework.test import APIClient

from logout_lens.sessions.models import RefreshToken
from conftest import AJAX, COOKIE, PASSWORD, bearer, login

ROUNDS = 50
NEW_PASSWORD = "an-entirely-new-passphrase-77"

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="needs concurrent transactions (PostgreSQL)"
    ),
]


class RefreshLoop(threading.Thread):
    """Refreshes one session back to back, always with the newest cookie, until refused."""

    def __init__(self, cookie):
        super().__init__(daemon=True)
        self.cookie = cookie
        self.refreshed = threading.Event()
        self.stop = threading.Event()

    def run(self):
        client = APIClient()
        try:
            while not self.stop.is_set():
                client.cookies[COOKIE] = self.cookie
                response = client.post("/v1/auth/refresh/", **AJAX)
                if response.status_code != 200:
                    break
                self.cookie = response.cookies[COOKIE].value
                self.refreshed.set()
        finally:
            self.refreshed.set()
            connection.close()


def survives(cookie):
    client = APIClient()
    client.cookies[COOKIE] = cookie
    return client.post("/v1/auth/refresh/", **AJAX).status_code == 200


def race(revoke, rounds=ROUNDS):
    """Run `rounds` revocations against a refresh loop; return how many sessions survived."""
    survivors = 0
    account = {"password": PASSWORD}
    for _ in range(rounds):
        victim = APIClient()
        grant = login(victim, password=account["password"])
        assert grant.status_code == 200, grant.content
        loop = RefreshLoop(grant.cookies[COOKIE].value)
        loop.start()
        loop.refreshed.wait(timeout=10)
        revoke(account, grant, loop)
        loop.stop.set()
        loop.join(timeout=30)
        family = grant.json()["session_id"]
        live = RefreshToken.objects.filter(family=family, revoked_at=None).exists()
        if survives(loop.cookie) or live:
            survivors += 1
    return survivors


def other_session(account):
    client = APIClient()
    response = login(client, password=account["password"], device_id="admin-laptop")
    assert response.status_code == 200, response.content
    return client, response


def sign_out(account, grant, loop):
    client = APIClient()
    client.cookies[COOKIE] = grant.cookies[COOKIE].value
    assert client.post("/v1/auth/logout/", **AJAX).status_code == 200


def delete_session(account, grant, loop):
    client, response = other_session(account)
    url = f"/v1/auth/sessions/{grant.json()['session_id']}/"
    assert client.delete(url, **bearer(response)).status_code == 204


def change_password(account, grant, loop):
    client, response = other_session(account)
    new = NEW_PASSWORD if account["password"] == PASSWORD else PASSWORD
    body = {"current_password": account["password"], "new_password": new}
    answer = client.post("/v1/auth/change-password/", body, format="json", **bearer(response))
    assert answer.status_code == 200, answer.content
    account["password"] = new


def reuse(account, grant, loop):
    # The sign-in token, presented again after the grace window (0 s here): reuse.
    client = APIClient()
    client.cookies[COOKIE] = grant.cookies[COOKIE].value
    assert client.post("/v1/auth/refresh/", **AJAX).json()["code"] == "refresh_reused"


@pytest.mark.parametrize(
    "revoke", [sign_out, delete_session, change_password, reuse], ids=lambda f: f.__name__
)
def test_no_session_survives_a_revocation_racing_a_refresh_loop(revoke, user, ll_settings):
    # No grace window and no lost-answer recovery: presenting the sign-in token again is reuse.
    ll_settings(REFRESH_GRACE_SECONDS=0, REFRESH_RECOVERY_SECONDS=0)

    survivors = race(revoke)

    print(f"{revoke.__name__}: {survivors} of {ROUNDS} sessions survived their revocation")
    assert survivors == 0
