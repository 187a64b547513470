import os
from datetime import timedelta

from django.apps import AppConfig

# The clock a test server starts on, in seconds ahead of the real one: a test server that is
# stopped and started again mid-test (the soak's backend restart) comes back on the clock it was
# stopped with, as a real server does, instead of answering its first requests hours in the past.
CLOCK_OFFSET_VARIABLE = "LL_TEST_CLOCK_OFFSET_SECONDS"


def start_clock():
    """Moves the clock by the environment's offset, once, when the server starts."""
    from logout_lens.sessions import clock

    seconds = int(os.environ.get(CLOCK_OFFSET_VARIABLE) or 0)
    if seconds < 0:
        raise ValueError(f"{CLOCK_OFFSET_VARIABLE} must not be negative.")
    clock.reset()
    clock.advance(timedelta(seconds=seconds))


class TestHooksConfig(AppConfig):
    """Hooks the end-to-end suite uses to set lifetimes and move the server clock."""

    name = "testhooks"
    verbose_name = "Test hooks"

    def ready(self):
        start_clock()
