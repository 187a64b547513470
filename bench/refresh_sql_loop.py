"""
The database's own limit for one Logout Lens refresh: the very SQL statements a real refresh sent,
run in a bare loop through Django's connection with fresh parameters, each loop iteration in its
own transaction as in the view (transaction.atomic(): BEGIN IMMEDIATE ... COMMIT on SQLite,
BEGIN ... COMMIT on PostgreSQL). No request, no view, no ORM, no token cryptography: what is left
is what the database (and the driver) needs for the refresh's statements.

Used by bench/refresh_inprocess.py (imported); runnable alone for a quick look:

    cd backend && LL_ENV=development ../.venv/bin/python ../bench/refresh_sql_loop.py [seconds]

How the statements are captured: one real refresh (POST /v1/auth/refresh/ through the WSGI
handler) runs under django.test.utils.CaptureQueriesContext (the count and the SQL as the
database saw it) and a connection.execute_wrapper (the same statements with their parameters
apart). Each loop iteration then replays them on a chain of its own - a session signed in for the
loop - with the captured values swapped for that chain's: the presented token's hash and id, the
successor's (a new random hash, a new id), the session id, and the current time. Every SELECT must
find its row (the chain's newest token, stored by the iteration before) and every UPDATE must change
exactly one, or the loop stops with an error: it really rotates a live token each time, as a refresh
does.
"""
import os
import secrets
import sys
import time
import uuid
from contextlib import contextmanager

TRANSACTION_CONTROL = ("BEGIN", "SAVEPOINT", "RELEASE", "COMMIT", "ROLLBACK")


class Recorder:
    """A connection.execute_wrapper that keeps each statement with its parameters apart."""

    def __init__(self):
        self.statements = []

    def __call__(self, execute, sql, params, many, context):
        self.statements.append((sql, params, many))
        return execute(sql, params, many, context)


@contextmanager
def capture():
    """Yields (CaptureQueriesContext, Recorder) around the block."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    recorder = Recorder()
    with CaptureQueriesContext(connection) as queries, connection.execute_wrapper(recorder):
        yield queries, recorder


class BareLoop:
    """
    The captured statements of one plain refresh, replayed on chains of their own.

    Each statement's parameters become a template once: the values to swap (see SWAPPED) marked
    by where they sit, every other parameter kept as captured. Per iteration only the swapped
    values are made (in the form the statement had them: a Python value, or the model field's
    database form) and filled in, so the loop holds as little Python as a loop of statements can.
    """

    # name -> the RefreshToken field whose values it takes.
    SWAPPED = {
        "token_hash": "token_hash",
        "token_id": "id",
        "successor_hash": "token_hash",
        "successor_id": "id",
        "session_id": "family",
        "now": "rotated_at",
    }

    def __init__(self, statements, captured):
        from django.db import connection
        from logout_lens.sessions.models import RefreshToken

        fields = {f.name: f for f in RefreshToken._meta.fields}
        self.fields = {
            name: fields[field].target_field if fields[field].is_relation else fields[field]
            for name, field in self.SWAPPED.items()
        }
        # Each form a captured value took -> (name, form).
        self.slots = {}
        for name, value in captured.items():
            field = self.fields[name]
            self.slots.setdefault(value, (name, "value"))
            self.slots.setdefault(field.get_db_prep_value(value, connection), (name, "db"))
            if isinstance(value, uuid.UUID):
                self.slots.setdefault(value.hex, (name, "hex"))
                self.slots.setdefault(str(value), (name, "str"))
        self.statements = [(sql, self._template(params or ())) for sql, params in statements]
        self.chains = []  # [{"session_id", "token_hash", "token_id"}]
        self.next = 0
        self.executed = 0

    def _template(self, params):
        template = []
        for param in params:
            if isinstance(param, (list, tuple)):  # PostgreSQL: several rows as one array per column
                template.append(("array", self._template(param)))
                continue
            try:
                slot = self.slots.get(param)
            except TypeError:  # unhashable: kept as it is
                slot = None
            template.append(("slot", slot) if slot else ("const", param))
        return template

    @staticmethod
    def _fill(template, values):
        filled = []
        for kind, payload in template:
            if kind == "array":
                filled.append(BareLoop._fill(payload, values))
            else:
                filled.append(values[payload] if kind == "slot" else payload)
        return filled

    @classmethod
    def from_refresh(cls, statements, before, after, session_id, now):
        if any(many for _, _, many in statements):
            raise RuntimeError("executemany in a refresh: not replayable")
        statements = [
            (sql, params)
            for sql, params, _ in statements
            if not sql.lstrip().upper().startswith(TRANSACTION_CONTROL)
        ]
        captured = {
            "token_hash": before.token_hash,
            "token_id": before.pk,
            "successor_hash": after.token_hash,
            "successor_id": after.pk,
            "session_id": session_id,
            "now": now,
        }
        return cls(statements, captured)

    def add_chain(self, session_id, token_hash, token_id):
        self.chains.append({"session_id": session_id, "token_hash": token_hash, "token_id": token_id})

    def one(self):
        """One refresh's statements in one transaction, on the next chain."""
        from django.db import connection, transaction
        from django.utils import timezone

        chain = self.chains[self.next % len(self.chains)]
        self.next += 1
        fresh = {
            **{key: chain[key] for key in ("token_hash", "token_id", "session_id")},
            "successor_hash": secrets.token_hex(32),
            "successor_id": uuid.uuid4(),
            "now": timezone.now(),
        }
        values = {}
        for name, form in set(self.slots.values()):
            value = fresh[name]
            if form == "db":
                value = self.fields[name].get_db_prep_value(value, connection)
            elif form == "hex":
                value = value.hex
            elif form == "str":
                value = str(value)
            values[(name, form)] = value
        with transaction.atomic():
            with connection.cursor() as cursor:
                for sql, template in self.statements:
                    cursor.execute(sql, self._fill(template, values))
                    verb = sql.lstrip()[:6].upper()
                    if verb == "SELECT":
                        if not cursor.fetchall():
                            raise RuntimeError(f"bare loop: the SELECT found no row:\n{sql}")
                    elif verb == "UPDATE" and cursor.rowcount != 1:
                        raise RuntimeError(f"bare loop: the UPDATE changed {cursor.rowcount} rows:\n{sql}")
        chain["token_hash"], chain["token_id"] = fresh["successor_hash"], fresh["successor_id"]
        self.executed += 1


def main():
    """Standalone: sign in, capture one refresh, run the loop for `seconds`, print refreshes/s."""
    sys.path.insert(0, os.getcwd())
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 3.0
    import refresh_inprocess as bench  # bench/ is this file's directory

    application = bench.load_application()
    clients = bench.sign_in_ours(application, 4, prefix="loop")
    loop, statements = bench.capture_bare_loop(application, clients)
    print(f"{len(statements)} statements per refresh:")
    for sql in statements:
        print(f"  {sql[:160]}")
    done, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        loop.one()
        done += 1
    elapsed = time.perf_counter() - start
    print(f"{done / elapsed:.0f} refreshes/s ({elapsed / done * 1000:.3f} ms each)")


if __name__ == "__main__":
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    main()
