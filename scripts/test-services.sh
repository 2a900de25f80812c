#!/usr/bin/env bash
# The services the tests use beside SQLite: a throwaway PostgreSQL 15 and a Redis, each on a free
# port of 127.0.0.1 with its files in a temporary folder, so that a run touches no database of
# the machine and leaves nothing behind.
#
#   bash scripts/test-services.sh start   # then: source .test-services (TEST_POSTGRES_URL, TEST_REDIS_URL)
#   bash scripts/test-services.sh stop    # safe when nothing runs
#
# The state file (TEST_SERVICES_STATE, default .test-services in the repository) holds the two
# addresses and what `stop` needs. It is written as each service starts, so that `stop` also
# cleans up after a `start` that failed half-way. Works as root (CI: PostgreSQL then runs as the
# postgres user, as initdb refuses root) and as a normal user.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
state=${TEST_SERVICES_STATE:-$repo/.test-services}
case $state in /*) ;; *) state=$PWD/$state ;; esac
pg_bin=${TEST_POSTGRES_BIN:-/usr/lib/postgresql/15/bin}

started=no

is_root() { [ "$(id -u)" -eq 0 ]; }

# Debian's package, when this machine may install one (root with apt-get); otherwise says how.
install_package() {
  local package=$1
  if is_root && command -v apt-get >/dev/null 2>&1; then
    echo "installing Debian's $package for the tests" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package" >/dev/null
    return 0
  fi
  echo "$package is missing: run \`sudo apt-get install -y $package\`, then the tests again." >&2
  exit 1
}

free_port() {
  node -e "const s = require('node:net').createServer();
    s.listen(0, '127.0.0.1', () => { console.log(s.address().port); s.close(); });"
}

# Runs a PostgreSQL program as the user its data folder belongs to: postgres when we are root.
as_pg_user() {
  local user=$1
  shift
  if [ "$user" = "$(id -un)" ]; then
    "$@"
  elif is_root; then
    # From a folder the postgres user can read, or its programs complain about the working one.
    (cd / && runuser -u "$user" -- "$@")
  else
    echo "PostgreSQL was started by $user: run stop as $user or as root." >&2
    return 1
  fi
}

record() { printf '%s\n' "$@" >>"$state"; }

wait_until() {
  local what=$1
  shift
  for _ in $(seq 1 100); do
    "$@" >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  echo "$what did not answer within 10 seconds" >&2
  return 1
}

start_postgres() {
  if [ ! -x "$pg_bin/initdb" ]; then
    install_package postgresql-15
    [ -x "$pg_bin/initdb" ] || { echo "PostgreSQL 15 is still missing at $pg_bin after installing it" >&2; exit 1; }
  fi
  local user data port
  user=$(id -un)
  data=$(mktemp -d "${TMPDIR:-/tmp}/test-postgres.XXXXXX")
  record "TEST_SERVICES_PG_BIN=$(printf %q "$pg_bin")" "TEST_SERVICES_PG_DATA=$(printf %q "$data")"
  if is_root; then
    id postgres >/dev/null 2>&1 || { echo "PostgreSQL refuses to run as root and there is no postgres user" >&2; exit 1; }
    user=postgres
    chown postgres: "$data"
  fi
  record "TEST_SERVICES_PG_USER=$(printf %q "$user")"
  as_pg_user "$user" "$pg_bin/initdb" -D "$data" -A trust -U postgres --no-sync >"$data.initdb.log" 2>&1 || {
    cat "$data.initdb.log" >&2
    rm -f "$data.initdb.log"
    exit 1
  }
  rm -f "$data.initdb.log"
  port=$(free_port)
  # Durability is not under test: without fsync a run is faster and spares the disk.
  as_pg_user "$user" "$pg_bin/pg_ctl" -D "$data" -l "$data/server.log" -w -t 30 -o \
    "-p $port -k '$data' -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >/dev/null || {
    cat "$data/server.log" >&2
    exit 1
  }
  wait_until "PostgreSQL on port $port" "$pg_bin/pg_isready" -q -h 127.0.0.1 -p "$port"
  record "export TEST_POSTGRES_URL=postgres://postgres@127.0.0.1:$port/postgres"
}

start_redis() {
  command -v redis-server >/dev/null 2>&1 || install_package redis-server
  local dir port
  dir=$(mktemp -d "${TMPDIR:-/tmp}/test-redis.XXXXXX")
  record "TEST_SERVICES_REDIS_DIR=$(printf %q "$dir")"
  port=$(free_port)
  run_redis "$dir" "$port"
  record "export TEST_REDIS_URL=redis://127.0.0.1:$port"
}

run_redis() {
  local dir=$1 port=$2
  # Nothing is written to disk: tests keep nothing durable in Redis.
  redis-server --daemonize yes --bind 127.0.0.1 --port "$port" --save "" --appendonly no \
    --dir "$dir" --pidfile "$dir/redis.pid" --logfile "$dir/redis.log"
  wait_until "Redis on port $port" redis_answers "$port"
}

redis_answers() {
  if command -v redis-cli >/dev/null 2>&1; then
    [ "$(redis-cli -h 127.0.0.1 -p "$1" ping)" = PONG ]
  else
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
  fi
}

start() {
  if [ -f "$state" ]; then
    echo "test services of an earlier run are recorded in $state: stopping them first" >&2
    stop
  fi
  record "# Written by scripts/test-services.sh start, removed by its stop."
  # A start that fails half-way stops what it started.
  trap '[ "$started" = yes ] || stop' EXIT
  start_postgres
  start_redis
  started=yes
  grep '^export ' "$state"
}

stop_postgres() {
  local data=${TEST_SERVICES_PG_DATA:-}
  [ -n "$data" ] || return 0
  if [ -f "$data/postmaster.pid" ]; then
    as_pg_user "${TEST_SERVICES_PG_USER:-$(id -un)}" "$TEST_SERVICES_PG_BIN/pg_ctl" -D "$data" -m immediate -w stop \
      >/dev/null || echo "PostgreSQL in $data did not stop" >&2
  fi
  rm -rf "$data" "$data.initdb.log"
}

stop_redis() {
  local dir=${TEST_SERVICES_REDIS_DIR:-}
  [ -n "$dir" ] || return 0
  stop_redis_process "$dir"
  rm -rf "$dir"
}

stop_redis_process() {
  local dir=$1 pid
  if [ -f "$dir/redis.pid" ]; then
    pid=$(cat "$dir/redis.pid")
    # Only our Redis: after a reboot the number may belong to another program.
    if [ "$(ps -o comm= -p "$pid" 2>/dev/null)" = redis-server ]; then
      kill "$pid"
      for _ in $(seq 1 50); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
      done
      if kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid"; fi
    fi
  fi
}

# The tests of what happens when the database restarts under a running server: a fast
# shutdown (open sessions are cut, as in a real restart), then the same server again.
restart_postgres() {
  [ -f "$state" ] || { echo "no test services are running" >&2; return 1; }
  # shellcheck source=/dev/null
  source "$state"
  as_pg_user "${TEST_SERVICES_PG_USER:-$(id -un)}" "$TEST_SERVICES_PG_BIN/pg_ctl" -D "$TEST_SERVICES_PG_DATA" \
    -l "$TEST_SERVICES_PG_DATA/server.log" -m fast -w -t 30 restart >/dev/null
}

# Redis going away and coming back empty on the same port, as a restart does (it keeps nothing).
restart_redis() {
  [ -f "$state" ] || { echo "no test services are running" >&2; return 1; }
  # shellcheck source=/dev/null
  source "$state"
  local dir=$TEST_SERVICES_REDIS_DIR port=${TEST_REDIS_URL##*:}
  stop_redis_process "$dir"
  sleep "${1:-0}"
  run_redis "$dir" "$port"
}

stop() {
  [ -f "$state" ] || return 0
  # shellcheck source=/dev/null
  source "$state"
  stop_postgres
  stop_redis
  rm -f "$state"
}

case ${1:-} in
  start) start ;;
  stop) stop ;;
  restart-postgres) restart_postgres ;;
  restart-redis) restart_redis "${2:-0}" ;;
  *)
    echo "usage: $0 start|stop|restart-postgres|restart-redis [seconds down]" >&2
    exit 2
    ;;
esac
