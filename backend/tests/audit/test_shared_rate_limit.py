"""
The logout-event rate limit holds across gunicorn workers when they share Redis.

Runs only where REDIS_URL points at a Redis (scripts/services.sh start; see backend/README.md).
"""
import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

if not os.environ.get("REDIS_URL"):
    pytest.skip("needs REDIS_URL (a shared Redis): scripts/services.sh start", allow_module_level=True)

BACKEND = Path(__file__).resolve().parents[2]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_healthy(url, process, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=1) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("gunicorn did not become healthy")


def database_env(tmp_path, env):
    """Point the server at the test database (PostgreSQL), or at a freshly migrated SQLite file."""
    from django.db import connection

    db = connection.settings_dict
    if connection.vendor == "postgresql":
        env["DATABASE_URL"] = f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
        return
    env.pop("DATABASE_URL", None)
    env["LL_SQLITE_PATH"] = str(tmp_path / "db.sqlite3")
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"],
        cwd=BACKEND, env=env, check=True, timeout=120,
    )


@pytest.fixture
def two_workers(transactional_db, tmp_path):
    """gunicorn -w 2 (sync workers) with the shared Redis and a rate of 5 events a minute."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LL_", "DJANGO_", "WEB_CONCURRENCY"))}
    env.update(LL_ENV="development", LL_LOGOUT_EVENT_RATE="5/min", DJANGO_SETTINGS_MODULE="config.settings")
    database_env(tmp_path, env)
    port = free_port()
    log = open(tmp_path / "gunicorn.log", "w+")
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-w", "2", "-b", f"127.0.0.1:{port}",
         "--access-logfile", "-", "--access-logformat", "worker=%(p)s status=%(s)s",
         "config.wsgi"],
        cwd=BACKEND, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_healthy(f"{base}/v1/health/", process)
        yield port, log
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=10)
        log.close()


def send_event(connection, body):
    connection.request(
        "POST",
        "/v1/auth/logout-event/",
        body=json.dumps(body),
        headers={"Content-Type": "application/json", "X-Requested-With": "XMLHttpRequest"},
    )
    response = connection.getresponse()
    response.read()
    return response.status


def test_logout_event_rate_limit_is_shared_by_two_workers(two_workers):
    """
    Events alternate between the two workers: a sync worker that has accepted a connection
    serves only that one until its request arrives, so while an idle connection holds one
    worker, a request on a new connection is served by the other.
    """
    port, log = two_workers
    event = {"type": "USER_INITIATED", "device_id": "shared-limit-device"}

    statuses = []
    for _ in range(4):
        held = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        held.connect()
        time.sleep(0.05)
        statuses.append(send_event(http.client.HTTPConnection("127.0.0.1", port, timeout=10), event))
        statuses.append(send_event(held, event))
        held.close()

    log.seek(0)
    served = log.read()
    assert statuses == [201] * 5 + [429] * 3, served[-2000:]
    event_workers = {line.split()[0] for line in served.splitlines() if line.startswith("worker=") and "status=200" not in line}
    assert len(event_workers) == 2, served[-2000:]
