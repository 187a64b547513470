"""Serialising writers on databases without row locks."""
import threading
from contextlib import contextmanager

from django.db import connection

# SQLite has no SELECT ... FOR UPDATE: its IMMEDIATE transactions serialise writers across
# processes, and this lock serialises the threads of one process (re-entrant, so a
# revocation may run inside a refresh's transaction).
_no_row_locks = threading.RLock()


@contextmanager
def serialised():
    """Hold the in-process lock where the database cannot lock rows; else do nothing."""
    if connection.features.has_select_for_update:
        yield
    else:
        with _no_row_locks:
            yield
