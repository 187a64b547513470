"""The migration to session rows keeps every existing session as it was."""
import uuid
from datetime import timedelta

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from authsessions.models import password_fingerprint

BEFORE = [("authsessions", "0001_initial")]
AFTER = [("authsessions", "0002_session")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.fixture
def back_to_the_latest_schema():
    yield
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("back_to_the_latest_schema")
def test_each_token_family_becomes_a_session(django_user_model):
    old = migrate(BEFORE)
    User, Token = old.get_model("auth", "User"), old.get_model("authsessions", "RefreshToken")
    user = User.objects.create(username="dana@example.com", email="dana@example.com", password="md5$x$y")
    now = timezone.now().replace(microsecond=0)
    live, ended = uuid.uuid4(), uuid.uuid4()
    common = {"user": user, "expires_at": now + timedelta(days=20), "remember_me": True, "device_id": "d1"}
    first = Token.objects.create(token_hash="a" * 64, family=live, created_at=now, rotated_at=now, **common)
    Token.objects.create(token_hash="b" * 64, family=live, parent=first, created_at=now + timedelta(hours=1), **common)
    Token.objects.create(
        token_hash="c" * 64, family=ended, created_at=now, revoked_at=now, revoke_reason="logout", **common
    )

    new = migrate(AFTER)

    Session = new.get_model("authsessions", "Session")
    sessions = {s.pk: s for s in Session.objects.all()}
    assert set(sessions) == {live, ended}
    assert sessions[live].revoked_at is None and sessions[live].created_at == now
    assert sessions[live].expires_at == now + timedelta(days=20) and sessions[live].remember_me
    assert sessions[live].password_fingerprint == password_fingerprint("md5$x$y")
    assert sessions[ended].revoke_reason == "logout"
    assert new.get_model("authsessions", "RefreshToken").objects.filter(family_id=live).count() == 2
