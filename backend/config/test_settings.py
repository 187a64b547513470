"""
Settings of the test run (pytest.ini): the project's settings, always as development.

pytest-django loads the settings before any conftest.py is imported, so the choice is made
here, before config.settings reads the environment: a shell that exports LL_ENV=production
does not turn the suite into a production start. Processes the tests start inherit it.
"""
import os

os.environ["LL_ENV"] = "development"

from .settings import *  # noqa: E402,F401,F403
