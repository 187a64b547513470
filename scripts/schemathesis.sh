#!/usr/bin/env bash
# Schemathesis against the running example backend, with a fixed seed and example budget: every
# operation of the OpenAPI schema the backend serves (/v1/schema/, the same as backend/openapi.yaml)
# is called with generated valid and invalid requests, and every answer must be no server error
# and match the schema (status code, content type, body).
#
#   scripts/schemathesis.sh                    # from the repository root
#
# Starts the e2e backend (scripts/e2e-backend.mjs: development settings, a fresh SQLite database,
# the demo user, the test hooks) on 127.0.0.1:$LL_SCHEMATHESIS_PORT (8150) and signs in as the demo
# user: one session's access token is the schema's `bearerAuth`, and refresh/ and logout/ (and their
# simplejwt twins under /v1/simplejwt/token/) each get
# the refresh cookie of a session of their own (logout/ ends its session; refresh/ keeps rotating
# from the same cookie, which the server answers with the same successor as a lost answer retried).
# Values learned from responses are not reused as inputs, so DELETE sessions/{id} is not handed the
# current session's id (the stateful phase, last, may still end it). Two passes: everything but
# POST logout-event/, then POST logout-event/ with a session of its own - a verified logout event
# ends the session it reports (the sender's own when it names none), which would turn the rest of
# the first pass into 401s.
#
# The last line of the output is the summary, for callers to parse:
#
#   schemathesis: <operations tested> operations, <test cases> test cases, <failures> failures
#
# (failures = unique failures + errors). The exit status is non-zero on any failure, error or
# operation not tested. Reports and the backend's log: test-results-schemathesis/.
# Knobs: LL_SCHEMATHESIS_SEED (20261), LL_SCHEMATHESIS_MAX_EXAMPLES (15 per operation, fuzzing phase).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PORT="${LL_SCHEMATHESIS_PORT:-8150}"
SEED="${LL_SCHEMATHESIS_SEED:-20261}"
MAX_EXAMPLES="${LL_SCHEMATHESIS_MAX_EXAMPLES:-15}"
PYTHON="${LL_PYTHON:-$ROOT/.venv/bin/python}"
SCHEMATHESIS="$(dirname "$PYTHON")/schemathesis"
BASE="http://127.0.0.1:$PORT"
SCHEMA_URL="$BASE/v1/schema/"
OUT="$ROOT/test-results-schemathesis"
CHECKS="not_a_server_error,response_schema_conformance,status_code_conformance,content_type_conformance"

log() { printf '\033[36m[schemathesis]\033[0m %s\n' "$*" >&2; }

# Answers 0 when GET $1 answers 2xx.
answers() {
  "$PYTHON" - "$1" <<'PY'
import sys, urllib.request
try:
    urllib.request.urlopen(sys.argv[1], timeout=2).read()
except Exception:
    sys.exit(1)
PY
}

# Signs in as the demo user (device $1) and prints the access token, or with $2 = cookie the
# refresh cookie's value.
sign_in() {
  "$PYTHON" - "$BASE/v1/auth/login/" "$1" "${2:-access}" <<'PY'
import json, sys, urllib.request
from http.cookies import SimpleCookie

url, device, what = sys.argv[1:]
body = {"email": "demo@example.com", "password": "demo-pass-2026", "device_id": device}
request = urllib.request.Request(
    url, json.dumps(body).encode(), {"Content-Type": "application/json"}, method="POST"
)
with urllib.request.urlopen(request, timeout=30) as response:
    if what == "cookie":
        cookies = SimpleCookie()
        for header in response.headers.get_all("Set-Cookie"):
            cookies.load(header)
        print(cookies["ll_refresh"].value)
    else:
        print(json.load(response)["access"])
PY
}

if answers "$BASE/v1/health/"; then
  log "something already answers on port $PORT; stop it or set LL_SCHEMATHESIS_PORT"
  exit 2
fi

rm -rf "$OUT"
mkdir -p "$OUT"
START=$(date +%s)

node "$ROOT/scripts/e2e-backend.mjs" "$PORT" >"$OUT/backend.log" 2>&1 &
SERVER_PID=$!
stop_server() {
  if [ -n "${SERVER_PID:-}" ]; then
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=""
  fi
}
trap stop_server EXIT
trap 'stop_server; exit 130' INT TERM

log "starting the e2e backend on port $PORT (log: ${OUT#"$ROOT"/}/backend.log)"
for _ in $(seq 1 120); do
  answers "$BASE/v1/health/" && break
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then
    log "the backend exited before it answered; its log:"
    cat "$OUT/backend.log" >&2
    exit 1
  fi
  sleep 0.5
done
answers "$BASE/v1/health/" || { log "the backend did not answer /v1/health/ within 60 s"; exit 1; }

# No state carried between runs (crash files, examples found before): the same seed gives the
# same run. The credentials come from the environment of each pass.
cat >"$OUT/schemathesis.toml" <<'TOML'
[cache]
enabled = false

[auth.openapi.bearerAuth]
bearer = "${LL_SCHEMATHESIS_BEARER}"

[phases.coverage.extra-data-sources]
responses = false

[phases.fuzzing.extra-data-sources]
responses = false

# Every well-formed sign-in costs the server two password hashes (~1 s here): the boundary values
# of login/ are tried as invalid input only (fuzzing still sends well-formed ones), which keeps
# the run under two minutes.
[[operations]]
include-operation-id = "login"
phases.coverage.generation.mode = "negative"

[[operations]]
include-operation-id = "refresh"
headers = { Cookie = "ll_refresh=${LL_SCHEMATHESIS_REFRESH_COOKIE}" }

[[operations]]
include-operation-id = "logout"
headers = { Cookie = "ll_refresh=${LL_SCHEMATHESIS_LOGOUT_COOKIE}" }

# The simplejwt views (logout_lens.contrib.simplejwt) run on the same sessions: each gets a
# session of its own in the same way.
[[operations]]
include-operation-id = "simplejwt_obtain"
phases.coverage.generation.mode = "negative"

[[operations]]
include-operation-id = "simplejwt_refresh"
headers = { Cookie = "ll_refresh=${LL_SCHEMATHESIS_JWT_REFRESH_COOKIE}" }

[[operations]]
include-operation-id = "simplejwt_logout"
headers = { Cookie = "ll_refresh=${LL_SCHEMATHESIS_JWT_LOGOUT_COOKIE}" }
TOML

STATUS=0
run_pass() { # name [filters...]
  local name="$1"
  shift
  log "pass '$name': seed $SEED, at most $MAX_EXAMPLES examples per operation"
  (cd "$OUT" &&
    LL_SCHEMATHESIS_BEARER="$(sign_in "st-$name")" &&
    LL_SCHEMATHESIS_REFRESH_COOKIE="$(sign_in "st-$name-refresh" cookie)" &&
    LL_SCHEMATHESIS_LOGOUT_COOKIE="$(sign_in "st-$name-logout" cookie)" &&
    LL_SCHEMATHESIS_JWT_REFRESH_COOKIE="$(sign_in "st-$name-jwt-refresh" cookie)" &&
    LL_SCHEMATHESIS_JWT_LOGOUT_COOKIE="$(sign_in "st-$name-jwt-logout" cookie)" &&
    export LL_SCHEMATHESIS_BEARER LL_SCHEMATHESIS_REFRESH_COOKIE LL_SCHEMATHESIS_LOGOUT_COOKIE \
      LL_SCHEMATHESIS_JWT_REFRESH_COOKIE LL_SCHEMATHESIS_JWT_LOGOUT_COOKIE &&
    "$SCHEMATHESIS" --config-file "$OUT/schemathesis.toml" run "$SCHEMA_URL" \
    --seed "$SEED" \
    --max-examples "$MAX_EXAMPLES" \
    --workers 1 \
    --generation-database none \
    --checks "$CHECKS" \
    --request-timeout 30 \
    --no-color \
    --report json --report-json-path "$OUT/$name.json" \
    "$@") || STATUS=1
}

run_pass api --exclude-operation-id logout_event_create
run_pass logout-event --include-operation-id logout_event_create

stop_server
ELAPSED=$(( $(date +%s) - START ))

SUMMARY=$("$PYTHON" - "$OUT/api.json" "$OUT/logout-event.json" <<'PY'
import json, sys

operations = cases = failures = 0
untested = []
for path in sys.argv[1:]:
    try:
        with open(path) as f:
            report = json.load(f)
    except (OSError, ValueError):
        failures += 1  # no report: the pass itself failed
        continue
    ops = report["operations"]
    operations += ops["tested"]
    cases += report["test_cases"]["generated"]
    failures += report["test_cases"]["unique_failures"] + len(report["errors"])
    if ops["tested"] != ops["selected"] or ops["errored"]:
        untested.append(path)
print(f"{operations} {cases} {failures} {len(untested)}")
PY
)
read -r OPERATIONS CASES FAILURES UNTESTED <<<"$SUMMARY"
log "finished in ${ELAPSED} s; reports in ${OUT#"$ROOT"/}/"
if [ "$FAILURES" != 0 ] || [ "$UNTESTED" != 0 ]; then
  STATUS=1
fi
echo "schemathesis: $OPERATIONS operations, $CASES test cases, $FAILURES failures"
exit "$STATUS"
