"""
The backend's notion of now, used for every token and session time. It is the real time,
except in the end-to-end test setup, whose hooks (testhooks) may move it forward to test expiry
without waiting. The offset is per process; nothing in production moves it.
"""
from datetime import timedelta

from django.utils import timezone

_offset = timedelta(0)


def now():
    """The current time, timezone-aware."""
    return timezone.now() + _offset


def offset():
    return _offset


def advance(delta):
    """Moves the clock forward by `delta` (test hooks only)."""
    global _offset
    _offset += delta


def reset():
    global _offset
    _offset = timedelta(0)
