"""
Refresh, measured in-process (part of bench/backend.mjs; see its header for the setup).

On the database the environment names, in one process:

  ours       POST /v1/auth/refresh/ of Logout Lens: each client chains its own ll_refresh cookie.
  simplejwt  POST /v1/bench/simplejwt/refresh/, stock djangorestframework-simplejwt's
             TokenRefreshView with ROTATE_REFRESH_TOKENS and BLACKLIST_AFTER_ROTATION (the
             token_blacklist app): each client chains its own rotated refresh token from the body.
  bare       the statements of one of our refreshes, replayed in a loop (refresh_sql_loop.py).
  health     GET /v1/health/: what any request costs here (the middleware), without a database.
  ours_connection_kept   (SQLite with CONN_MAX_AGE=0 only) ours with the connection kept open
             between its requests: what that one setting would change. Not the shipped setting.

The endpoints are called through the project's WSGI application (config.wsgi, the object gunicorn
serves: every middleware, the production start-up checks) with a WSGI environ built here: no socket,
no HTTP parsing, no load generator on the same CPU. The kinds run in alternating rounds (the order
rotates every round), each batch about --batch seconds, so a noisy neighbour or a drifting CPU
clock hits all of them alike; the figures are medians over the rounds, and each ratio is the median
of the rounds' own ratios.

Prints one JSON object on stdout. Arguments: --rounds R --batch SECONDS --clients K; with
--make-sessions N it only makes N sessions of each kind (for the HTTP run) and prints them.
"""
import argparse
import contextlib
import gc
import io
import json
import os
import statistics
import sys
import time

BACKEND = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "backend")
HOST = "127.0.0.1"
USER_AGENT = "logout-lens-bench/1 (in-process)"
DEMO = {"email": "demo@example.com", "password": "demo-pass-2026"}


def load_application():
    sys.path.insert(0, BACKEND)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    from config.wsgi import application  # runs the production start-up checks

    return application


def call(application, method, path, *, body=b"", headers=None, client=0):
    """One request through the WSGI application; returns (status, [(name, value)], body)."""
    environ = {
        "REQUEST_METHOD": method,
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "SERVER_NAME": HOST,
        "SERVER_PORT": "8700",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "127.0.0.1",
        "HTTP_HOST": f"{HOST}:8700",
        "HTTP_USER_AGENT": USER_AGENT,
        # As behind nginx (LL_NUM_PROXIES=1): each client its own address.
        "HTTP_X_FORWARDED_FOR": f"198.51.100.{client % 250 + 1}",
        "CONTENT_LENGTH": str(len(body)),
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(body),
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": False,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
    }
    for name, value in (headers or {}).items():
        key = name.upper().replace("-", "_")
        environ[key if key in ("CONTENT_TYPE",) else f"HTTP_{key}"] = value
    answer = {}

    def start_response(status, response_headers, exc_info=None):
        answer["status"], answer["headers"] = int(status.split(" ", 1)[0]), response_headers

    result = application(environ, start_response)
    try:
        content = b"".join(result)
    finally:
        if hasattr(result, "close"):
            result.close()
    return answer["status"], answer["headers"], content


def _cookie(headers, name="ll_refresh"):
    for key, value in headers:
        value = value.strip()
        if key.lower() == "set-cookie" and value.startswith(f"{name}="):
            raw = value.split(";", 1)[0][len(name) + 1 :]
            if raw:
                return raw
    return None


AJAX = {"X-Requested-With": "XMLHttpRequest"}
JSON = {"Content-Type": "application/json"}


class Ours:
    def __init__(self, application, index, cookie):
        self.application, self.index, self.cookie = application, index, cookie
        self.previous = None

    def refresh(self, cookie=None):
        status, headers, content = call(
            self.application, "POST", "/v1/auth/refresh/",
            headers={**AJAX, "Cookie": f"ll_refresh={cookie or self.cookie}"}, client=self.index,
        )
        new = _cookie(headers)
        if status != 200 or not new:
            raise RuntimeError(f"ours: refresh answered {status} {content[:200]!r} (cookie: {bool(new)})")
        if cookie is None:
            self.previous, self.cookie = self.cookie, new
        return new


class SimpleJWT:
    def __init__(self, application, index, refresh_token):
        self.application, self.index, self.token = application, index, refresh_token

    def refresh(self):
        status, _, content = call(
            self.application, "POST", "/v1/bench/simplejwt/refresh/",
            body=json.dumps({"refresh": self.token}).encode(), headers=JSON, client=self.index,
        )
        data = json.loads(content) if status == 200 else {}
        if status != 200 or not data.get("refresh") or not data.get("access"):
            raise RuntimeError(f"simplejwt: refresh answered {status} {content[:200]!r}")
        self.token = data["refresh"]


def _demo_user():
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username=DEMO["email"])


def sign_in_ours(application, count, prefix="ours"):
    """
    `count` sessions of the demo user: the first through POST /v1/auth/login/, the others as that
    view starts them once the password is checked (sessions.start_session), to skip the password
    hash (PBKDF2, about 0.5 s here) per session.
    """
    from logout_lens.sessions.client import ClientInfo
    from logout_lens.sessions.sessions import start_session

    body = json.dumps({**DEMO, "remember_me": False, "device_id": f"bench-{prefix}-0"}).encode()
    status, headers, content = call(
        application, "POST", "/v1/auth/login/", body=body, headers={**AJAX, **JSON}, client=0
    )
    cookie = _cookie(headers)
    if status != 200 or not cookie:
        raise RuntimeError(f"sign-in {prefix}-0: {status} {content[:200]!r}")
    clients = [Ours(application, 0, cookie)]
    user = _demo_user()
    for i in range(1, count):
        client = ClientInfo(ip=f"198.51.100.{i % 250 + 1}", user_agent=USER_AGENT)
        grant = start_session(user, remember_me=False, device_id=f"bench-{prefix}-{i}", client=client)
        clients.append(Ours(application, i, grant.refresh_value))
    return clients


def sign_in_simplejwt(application, count):
    """
    `count` simplejwt refresh tokens of the demo user: the first through its TokenObtainPairView,
    the others as that view makes them once the password is checked (RefreshToken.for_user,
    which the blacklist app records as outstanding).
    """
    from rest_framework_simplejwt.tokens import RefreshToken

    body = json.dumps({"username": DEMO["email"], "password": DEMO["password"]}).encode()
    status, _, content = call(application, "POST", "/v1/bench/simplejwt/token/", body=body, headers=JSON)
    if status != 200:
        raise RuntimeError(f"simplejwt sign-in: {status} {content[:200]!r}")
    clients = [SimpleJWT(application, 0, json.loads(content)["refresh"])]
    user = _demo_user()
    clients += [SimpleJWT(application, i, str(RefreshToken.for_user(user))) for i in range(1, count)]
    return clients


def _statements(queries):
    """What CaptureQueriesContext saw, as the database got it."""
    return [q["sql"] for q in queries.captured_queries]


def _count(statements):
    """Statements of a refresh, not counting transaction control."""
    from refresh_sql_loop import TRANSACTION_CONTROL

    return sum(1 for sql in statements if not sql.lstrip().upper().startswith(TRANSACTION_CONTROL))


def capture_bare_loop(application, clients):
    """Capture one plain refresh of clients[0]; a BareLoop over all `clients`' chains."""
    from logout_lens.sessions.models import RefreshToken
    from logout_lens.sessions.tokens import hash_refresh_value
    from refresh_sql_loop import BareLoop, capture

    first = clients[0]
    first.refresh()  # not the sign-in's token: a token that is itself a successor, as most are
    before = RefreshToken.objects.get(token_hash=hash_refresh_value(first.cookie))
    with capture() as (queries, recorder):
        first.refresh()
    after = RefreshToken.objects.get(token_hash=hash_refresh_value(first.cookie))
    before.refresh_from_db()
    loop = BareLoop.from_refresh(recorder.statements, before, after, before.family_id, before.rotated_at)
    for client in clients:
        token = RefreshToken.objects.get(token_hash=hash_refresh_value(client.cookie))
        loop.add_chain(token.family_id, token.token_hash, token.pk)
    return loop, _statements(queries)


def count_queries(ours, simplejwt):
    """Statements of a plain refresh and of a grace-window refresh of ours, and of simplejwt's."""
    from refresh_sql_loop import capture

    with capture() as (plain, _):
        ours.refresh()
    with capture() as (grace, _):
        ours.refresh(cookie=ours.previous)  # a racing tab: the token rotated a moment ago
    with capture() as (stock, _):
        simplejwt.refresh()
    return {
        "ours": _count(_statements(plain)),
        "ours_with_transaction": len(_statements(plain)),
        "ours_grace": _count(_statements(grace)),
        "simplejwt": _count(_statements(stock)),
        "simplejwt_with_transaction": len(_statements(stock)),
        "ours_sql": _statements(plain),
        "ours_grace_sql": _statements(grace),
        "simplejwt_sql": _statements(stock),
    }


def batch(operation, count):
    """Runs `operation` `count` times; ms per operation."""
    around = getattr(operation, "around", None)
    with around() if around else contextlib.nullcontext():
        start = time.perf_counter()
        for _ in range(count):
            operation()
        return (time.perf_counter() - start) * 1000 / count


def round_robin(clients, method="refresh"):
    state = {"i": 0}

    def operation():
        client = clients[state["i"] % len(clients)]
        state["i"] += 1
        getattr(client, method)()

    return operation


class ConnectionKept:
    """Around a batch: the database connection kept open between requests (CONN_MAX_AGE=60)."""

    def __enter__(self):
        from django.db import connection

        self.shipped = connection.settings_dict["CONN_MAX_AGE"]
        connection.close()
        connection.settings_dict["CONN_MAX_AGE"] = 60

    def __exit__(self, *exc):
        from django.db import connection

        connection.settings_dict["CONN_MAX_AGE"] = self.shipped
        connection.close()


def make_sessions(application, count):
    """Sessions for the HTTP run: {"ours": [ll_refresh values], "simplejwt": [refresh tokens]}."""
    ours = sign_in_ours(application, count, prefix="http")
    stock = sign_in_simplejwt(application, count)
    return {"ours": [c.cookie for c in ours], "simplejwt": [c.token for c in stock]}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--batch", type=float, default=0.4, help="seconds per kind and round")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--make-sessions", type=int, metavar="N", help="only print N sessions of each")
    args = parser.parse_args()
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

    application = load_application()
    from django.db import connection

    if args.make_sessions:
        json.dump(make_sessions(application, args.make_sessions), sys.stdout)
        return

    ours = sign_in_ours(application, args.clients)
    stock = sign_in_simplejwt(application, args.clients)
    loop, captured = capture_bare_loop(application, sign_in_ours(application, args.clients, prefix="loop"))
    queries = count_queries(ours[0], stock[0])

    kinds = {
        "ours": round_robin(ours),
        "simplejwt": round_robin(stock),
        "bare": loop.one,
        # Any Django request's own cost here: the project's middleware, no view work, no database.
        "health": lambda: call(application, "GET", "/v1/health/"),
    }
    kept = connection.vendor == "sqlite" and not connection.settings_dict["CONN_MAX_AGE"]
    if kept:
        # What keeping SQLite's connection would change (not the shipped setting): without it,
        # every request opens the database file and closes it again, and closing the last
        # connection checkpoints the write-ahead log.
        kinds["ours_connection_kept"] = round_robin(ours)
        kinds["ours_connection_kept"].around = ConnectionKept
    # Warm-up (imports, caches, the database's pages) and the batch sizes: about --batch s each.
    sizes = {}
    for name, operation in kinds.items():
        batch(operation, 20)
        sizes[name] = max(20, round(args.batch * 1000 / batch(operation, 50)))
    gc.collect()
    times = {name: [] for name in kinds}
    order = list(kinds)
    started = time.perf_counter()
    for r in range(args.rounds):
        for name in order[r % len(order):] + order[: r % len(order)]:
            times[name].append(batch(kinds[name], sizes[name]))

    def ratio(a, b):
        """Median over the rounds of a's time / b's time in the same round."""
        return statistics.median(x / y for x, y in zip(times[a], times[b]))

    result = {
        "vendor": connection.vendor,
        "rounds": args.rounds,
        "seconds": time.perf_counter() - started,
        "batch_sizes": sizes,
        "clients": args.clients,
        "ms": {name: statistics.median(values) for name, values in times.items()},
        "ms_range": {name: [min(values), max(values)] for name, values in times.items()},
        "per_second": {name: 1000 / statistics.median(values) for name, values in times.items()},
        # Ours ÷ each: simplejwt's time / ours = our throughput / simplejwt's, and so on.
        "ratios": {name: ratio(name, "ours") for name in kinds if name != "ours"},
        "queries": queries,
        "bare_statements": captured,
        "refreshes": {"ours": sizes["ours"] * args.rounds, "bare": loop.executed},
        "conn_max_age": connection.settings_dict["CONN_MAX_AGE"],
    }
    json.dump(result, sys.stdout, indent=2, default=str)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
