"""
Write transactions on one SQLite file from several connections (gunicorn workers) wait for
each other instead of failing with "database is locked": the example project's SQLite OPTIONS
(config/settings.py: SQLITE_OPTIONS) begin every transaction IMMEDIATE, in WAL mode with
synchronous=NORMAL.

A refresh reads the token, then rotates it, in one transaction. With Django's plain BEGIN
(DEFERRED), a second worker doing the same at the same time could not wait for the lock and
answered 500 "database is locked" (seen in bench/backend.mjs: gunicorn -w 2 on SQLite).
"""
import os
import threading

import pytest
from django.conf import settings
from django.db import OperationalError
from django.db.utils import ConnectionHandler

from config.settings import SQLITE_OPTIONS

ENGINE = "django.db.backends.sqlite3"
STOCK = {}


def connection_to(path, options):
    return ConnectionHandler({"default": {"ENGINE": ENGINE, "NAME": str(path), "OPTIONS": options}})["default"]


def begin(conn):
    """What the outermost transaction.atomic() block does on entry."""
    conn.set_autocommit(False, force_begin_transaction_with_broken_autocommit=True)


def read_then_write(path, options, outcome, name, events, first):
    """One refresh-shaped transaction: read a row, then update it."""
    conn = connection_to(path, options)
    try:
        if not first:
            events["first_read"].wait(timeout=10)
        begin(conn)
        with conn.cursor() as cursor:
            cursor.execute("SELECT value FROM counter WHERE id = 1")
            cursor.fetchone()
            if first:
                events["first_read"].set()
                # DEFERRED: the second transaction reads and writes meanwhile. IMMEDIATE: it
                # is waiting for our lock, so stop waiting after a moment.
                events["second_wrote"].wait(timeout=0.5)
            cursor.execute("UPDATE counter SET value = value + 1 WHERE id = 1")
            if not first:
                events["second_wrote"].set()
        conn.commit()
        outcome[name] = "ok"
    except OperationalError as error:
        conn.rollback()
        outcome[name] = str(error)
    finally:
        conn.set_autocommit(True)
        conn.close()


def run_two_transactions(path, options):
    """Two connections run read_then_write interleaved; returns their outcomes and the count."""
    setup = connection_to(path, options)
    with setup.cursor() as cursor:
        cursor.execute("CREATE TABLE counter (id INTEGER PRIMARY KEY, value INTEGER NOT NULL)")
        cursor.execute("INSERT INTO counter (id, value) VALUES (1, 0)")
    outcome = {}
    events = {"first_read": threading.Event(), "second_wrote": threading.Event()}
    threads = [
        threading.Thread(target=read_then_write, args=(path, options, outcome, name, events, name == "first"))
        for name in ("first", "second")
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    with setup.cursor() as cursor:
        cursor.execute("SELECT value FROM counter WHERE id = 1")
        (value,) = cursor.fetchone()
    setup.close()
    return outcome, value


@pytest.fixture
def db_path(tmp_path, django_db_blocker):
    with django_db_blocker.unblock():
        yield tmp_path / "locking.sqlite3"


def test_concurrent_read_then_write_transactions_both_commit(db_path):
    outcome, value = run_two_transactions(db_path, SQLITE_OPTIONS)

    assert outcome == {"first": "ok", "second": "ok"}
    assert value == 2


def test_the_stock_backend_fails_one_of_them_immediately(db_path):
    """The failure transaction_mode IMMEDIATE exists for (if this starts passing, Django changed)."""
    outcome, value = run_two_transactions(db_path, STOCK)

    assert sorted(outcome.values()) == ["database is locked", "ok"]
    assert value == 1


def test_the_options_turn_on_wal_and_normal_sync(db_path):
    conn = connection_to(db_path, SQLITE_OPTIONS)
    with conn.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        journal = cursor.fetchone()[0]
        cursor.execute("PRAGMA synchronous")
        synchronous = cursor.fetchone()[0]
    conn.close()
    # synchronous 1 is NORMAL (2, the default, is FULL).
    assert (journal, synchronous) == ("wal", 1)


@pytest.mark.skipif(bool(os.environ.get("DATABASE_URL")), reason="DATABASE_URL selects another database")
def test_the_project_database_uses_the_stock_backend_with_those_options():
    default = settings.DATABASES["default"]
    assert (default["ENGINE"], default["OPTIONS"]) == (ENGINE, SQLITE_OPTIONS)
    assert SQLITE_OPTIONS["transaction_mode"] == "IMMEDIATE"
