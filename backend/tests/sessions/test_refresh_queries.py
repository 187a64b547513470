"""
What one refresh costs the database, and that the cheaper statements keep the behaviour.

A plain refresh is two statements: one SELECT of the presented token with its session (locked)
and user, and one INSERT of the rotated token and its successor (the stored token only updates
rotated_at and last_used_at: ON CONFLICT (id) DO UPDATE). A refresh inside the grace window (a
racing tab presenting the token rotated a moment ago) is the same SELECT and one UPDATE that
checks the successor is unused and stamps its last use. Django 5.2 also counts the transaction's
BEGIN and COMMIT, so each is 4 queries as django_assert_max_num_queries counts them (it was 6:
SELECT session, SELECT token, UPDATE token, INSERT successor; SELECT session, SELECT token,
SELECT successor, UPDATE successor).

The tests run outside a test-wide transaction (transaction=True), as a request does, so the
refresh's own transaction is a real one rather than a savepoint. The cheaper pieces of the path
(access-token signing, the grant body) must give what the stock ones give. bench/backend.mjs
measures the path against stock simplejwt and against these statements run in a bare loop.
"""
import threading

import jwt
import pytest
from django.db import connection, connections
from rest_framework.test import APIClient

from conftest import AJAX, COOKIE, refresh
from logout_lens.sessions import sessions, views
from logout_lens.sessions.client import ClientInfo
from logout_lens.sessions.models import RefreshToken
from logout_lens.sessions.serializers import SessionGrantSerializer
from logout_lens.sessions.tokens import encode_jwt

pytestmark = pytest.mark.django_db(transaction=True)

MAX_QUERIES = 4


def statements(queries):
    """The verbs of the statements, without the transaction's own."""
    verbs = [q["sql"].split(None, 1)[0].upper() for q in queries.captured_queries]
    return [verb for verb in verbs if verb not in ("BEGIN", "COMMIT", "SAVEPOINT", "RELEASE")]


def test_a_plain_refresh_takes_at_most_four_queries(signed_in, django_assert_max_num_queries):
    client, _ = signed_in
    refresh(client)  # the second rotation of the family: not the sign-in's first token

    with django_assert_max_num_queries(MAX_QUERIES) as queries:
        response = refresh(client)

    assert response.status_code == 200
    assert statements(queries) == ["SELECT", "INSERT"]
    parent, child = RefreshToken.objects.order_by("created_at", "rotated_at")[1:]
    assert parent.rotated_at == parent.last_used_at == child.created_at
    assert child.parent_id == parent.pk and child.rotated_at is None and child.family_id == parent.family_id


def test_a_refresh_inside_the_grace_window_takes_at_most_four_queries(
    signed_in, django_assert_max_num_queries
):
    client, first = signed_in
    original = first.cookies[COOKIE].value
    successor = refresh(client).cookies[COOKIE].value
    client.cookies[COOKIE] = original  # a racing tab still holding the rotated token

    with django_assert_max_num_queries(MAX_QUERIES) as queries:
        response = refresh(client)

    assert response.status_code == 200
    assert response.cookies[COOKIE].value == successor
    assert statements(queries) == ["SELECT", "UPDATE"]
    assert RefreshToken.objects.count() == 2


@pytest.mark.parametrize("algorithm", ["HS256", "HS384", "HS512"])
def test_access_tokens_are_signed_as_pyjwt_signs_them(algorithm):
    claims = {"token_type": "access", "sub": "7", "sid": "s", "iat": 1, "exp": 2, "jti": "j", "iss": "x"}
    key = "a-signing-key-of-enough-length-" + "k" * 40

    assert encode_jwt(claims, key, algorithm) == jwt.encode(claims, key, algorithm=algorithm)


def test_the_grant_body_is_a_fresh_serializers(signed_in):
    _, first = signed_in
    grant = sessions.refresh_session(first.cookies[COOKIE].value, ClientInfo("192.0.2.1", "test"))

    assert views.RefreshView().grant_response(grant).data == SessionGrantSerializer(grant).data


@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs concurrent transactions (PostgreSQL)")
def test_a_rotation_committed_while_waiting_for_the_lock_is_seen(signed_in, monkeypatch):
    """
    The lock's one statement returns the token as it was when the statement began: a refresh that
    waited for the lock while another rotated the token reads it unrotated. Its rotation then
    fails on the successor already stored, and the retry hands out that same successor.
    """
    client, first = signed_in
    raw = first.cookies[COOKIE].value
    locked, go_on = threading.Event(), threading.Event()
    rotate = sessions._rotate

    def slow_rotate(*args):
        if threading.current_thread().name == "first":
            locked.set()
            go_on.wait(timeout=10)
        return rotate(*args)

    monkeypatch.setattr(sessions, "_rotate", slow_rotate)
    answers = {}

    def tab(name):
        tab_client = APIClient()
        tab_client.cookies[COOKIE] = raw
        try:
            answers[name] = tab_client.post("/v1/auth/refresh/", **AJAX)
        finally:
            connections.close_all()

    first_tab = threading.Thread(target=tab, args=("first",), name="first")
    first_tab.start()
    assert locked.wait(timeout=10)
    second_tab = threading.Thread(target=tab, args=("second",), name="second")
    second_tab.start()
    second_tab.join(timeout=0.5)  # it waits for the session's lock, held by the first
    assert second_tab.is_alive()
    go_on.set()
    first_tab.join(timeout=10)
    second_tab.join(timeout=10)

    assert answers["first"].status_code == answers["second"].status_code == 200
    assert answers["first"].cookies[COOKIE].value == answers["second"].cookies[COOKIE].value
    parent, child = RefreshToken.objects.order_by("created_at", "rotated_at")
    assert parent.rotated_at == child.created_at  # the first rotation's time, not overwritten


@pytest.fixture
def orm_only(monkeypatch):
    """A database backend other than SQLite and PostgreSQL: the refresh runs through the ORM."""
    monkeypatch.setattr(sessions, "COMPILED_VENDORS", ())


def test_on_other_databases_the_orm_path_rotates_grants_grace_and_detects_reuse(orm_only, signed_in):
    client, _ = signed_in
    first = client.cookies[COOKIE].value
    rotated = refresh(client)
    second = client.cookies[COOKIE].value
    client.cookies[COOKIE] = first
    racing = refresh(client)

    assert rotated.status_code == 200 and second != first
    # The racing tab inside the grace window gets the same successor.
    assert racing.status_code == 200 and client.cookies[COOKIE].value == second
    assert RefreshToken.objects.filter(parent__token_hash__isnull=False).count() == 1
