"""
Django's SQLite backend, with transactions that take the write lock when they begin.

Django (before 5.1's OPTIONS["transaction_mode"]) opens every atomic block with a plain BEGIN
(DEFERRED): the transaction reads under a shared lock and asks for the write lock only at its
first write. When another connection took the write lock in between, SQLite cannot let it wait
(each would wait for the other) and fails at once with "database is locked", whatever the busy
timeout. Two gunicorn workers on one SQLite file refreshing at the same time (the refresh reads
the token, then rotates it: authsessions/sessions.py) ran into exactly that.

BEGIN IMMEDIATE takes the write lock up front, so a second writer waits for the first (up to
the busy timeout, OPTIONS["timeout"], 5 s by default) instead of failing. Statements outside
atomic blocks are unaffected. Used by config/settings.py when DATABASE_URL is unset.
"""
from django.db.backends.sqlite3 import base


class DatabaseWrapper(base.DatabaseWrapper):
    def _start_transaction_under_autocommit(self):
        self.cursor().execute("BEGIN IMMEDIATE")
