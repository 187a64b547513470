#!/usr/bin/env bash
# Local PostgreSQL and Redis for development and the backend tests.
#
#   scripts/services.sh start [--install]   start both (--install: apt-get install them first)
#   scripts/services.sh stop                stop both
#   scripts/services.sh status              show whether they answer
#   scripts/services.sh env [--plain]       print DATABASE_URL / REDIS_URL
#
#   eval "$(scripts/services.sh env)" && cd backend && ../.venv/bin/python -m pytest -q
#
# PostgreSQL runs from its own data directory (not the system cluster) on 127.0.0.1:$LL_PG_PORT
# with a database and user "logoutlens" (password "logoutlens", may create the test database);
# Redis on 127.0.0.1:$LL_REDIS_PORT without persistence. Everything lives under
# $LL_SERVICES_DIR. As root, PostgreSQL runs as the "postgres" user.
set -euo pipefail

DIR="${LL_SERVICES_DIR:-/tmp/logoutlens-services}"
PG_PORT="${LL_PG_PORT:-54329}"
REDIS_PORT="${LL_REDIS_PORT:-63799}"
PG_DATA="$DIR/pg/data"
PG_RUN="$DIR/pg/run"
PG_LOG="$DIR/pg/postgres.log"
REDIS_DIR="$DIR/redis"
DB_NAME=logoutlens
DB_USER=logoutlens
DB_PASSWORD=logoutlens

DATABASE_URL="postgres://$DB_USER:$DB_PASSWORD@127.0.0.1:$PG_PORT/$DB_NAME"
REDIS_URL="redis://127.0.0.1:$REDIS_PORT/0"

die() { echo "services.sh: $*" >&2; exit 1; }

pg_bin() {
  local bin
  bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  [ -n "$bin" ] || die "PostgreSQL is not installed (run: scripts/services.sh start --install)"
  echo "$bin"
}

# Runs a command as the PostgreSQL owner: "postgres" when we are root, else ourselves.
as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

install_packages() {
  [ "$(id -u)" = 0 ] || die "--install needs root"
  apt-get install -y postgresql redis-server
}

start_postgres() {
  local bin
  bin="$(pg_bin)"
  mkdir -p "$DIR/pg"
  if [ "$(id -u)" = 0 ]; then chown postgres: "$DIR/pg"; fi
  as_pg mkdir -p "$PG_RUN"
  if [ ! -s "$PG_DATA/PG_VERSION" ]; then
    as_pg "$bin/initdb" -D "$PG_DATA" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
      --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  fi
  if ! as_pg "$bin/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1; then
    as_pg "$bin/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -w -t 30 \
      -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_RUN" start >/dev/null \
      || { tail -n 20 "$PG_LOG" >&2; die "PostgreSQL did not start"; }
  fi
  local psql=("$bin/psql" -h "$PG_RUN" -p "$PG_PORT" -U postgres -d postgres -qtA -v ON_ERROR_STOP=1)
  if [ -z "$(as_pg "${psql[@]}" -c "SELECT 1 FROM pg_roles WHERE rolname = '$DB_USER'")" ]; then
    as_pg "${psql[@]}" -c "CREATE ROLE $DB_USER LOGIN CREATEDB PASSWORD '$DB_PASSWORD'"
  fi
  if [ -z "$(as_pg "${psql[@]}" -c "SELECT 1 FROM pg_database WHERE datname = '$DB_NAME'")" ]; then
    as_pg "${psql[@]}" -c "CREATE DATABASE $DB_NAME OWNER $DB_USER"
  fi
  echo "PostgreSQL on 127.0.0.1:$PG_PORT (data in $PG_DATA)"
}

redis_up() {
  command -v redis-cli >/dev/null && [ "$(redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null)" = PONG ]
}

start_redis() {
  command -v redis-server >/dev/null || die "redis-server is not installed (run: scripts/services.sh start --install)"
  mkdir -p "$REDIS_DIR"
  if ! redis_up; then
    redis-server --daemonize yes --bind 127.0.0.1 --port "$REDIS_PORT" --dir "$REDIS_DIR" \
      --pidfile "$REDIS_DIR/redis.pid" --logfile "$REDIS_DIR/redis.log" --save "" --appendonly no
    for _ in $(seq 50); do redis_up && break; sleep 0.1; done
    redis_up || { tail -n 20 "$REDIS_DIR/redis.log" >&2; die "Redis did not start"; }
  fi
  echo "Redis on 127.0.0.1:$REDIS_PORT (files in $REDIS_DIR)"
}

stop_postgres() {
  local bin
  bin="$(pg_bin)"
  if [ -s "$PG_DATA/PG_VERSION" ] && as_pg "$bin/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1; then
    as_pg "$bin/pg_ctl" -D "$PG_DATA" -m fast -w stop >/dev/null
    echo "PostgreSQL stopped"
  fi
}

stop_redis() {
  if redis_up; then
    redis-cli -h 127.0.0.1 -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true
    echo "Redis stopped"
  fi
}

status() {
  local bin
  bin="$(pg_bin)"
  if [ -s "$PG_DATA/PG_VERSION" ] && as_pg "$bin/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1; then
    echo "PostgreSQL: running on 127.0.0.1:$PG_PORT"
  else
    echo "PostgreSQL: stopped"
  fi
  if redis_up; then echo "Redis: running on 127.0.0.1:$REDIS_PORT"; else echo "Redis: stopped"; fi
}

case "${1:-}" in
  start)
    if [ "${2:-}" = "--install" ]; then install_packages; fi
    start_postgres
    start_redis
    ;;
  stop)
    stop_redis
    stop_postgres
    ;;
  status)
    status
    ;;
  env)
    prefix="export "
    if [ "${2:-}" = "--plain" ]; then prefix=""; fi
    echo "${prefix}DATABASE_URL=$DATABASE_URL"
    echo "${prefix}REDIS_URL=$REDIS_URL"
    ;;
  *)
    sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac
