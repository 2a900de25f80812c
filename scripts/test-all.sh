#!/usr/bin/env bash
# Runs every test: lint, types, unit, integration (real server, temporary database) and end-to-end
# (Playwright with Debian's Chromium). The one command the README and CI both call.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

step() { printf '\n=== %s ===\n' "$*"; }

# A hung step (a process left waiting on an open socket) must fail the run with a message, well
# inside CI's 90 minutes, rather than stall it. Each bound is several times the step's usual time.
bounded() {
  local minutes=$1 status=0
  shift
  timeout --kill-after=30s "${minutes}m" "$@" || status=$?
  if [ "$status" -eq 124 ] || [ "$status" -eq 137 ]; then
    echo "step did not finish within ${minutes} minutes: $*" >&2
  fi
  return "$status"
}
# No single test may wait longer than this; a stuck one is reported as failed.
TEST_TIMEOUT_MS=120000

# The end-to-end tests drive Debian's Chromium (Playwright cannot download its own here). It is
# checked first, so that a machine without it learns so at once, not after the other steps.
ensure_chromium() {
  local browser=${CHROMIUM_PATH:-/usr/bin/chromium}
  [ -x "$browser" ] && return 0
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing Debian's chromium for the end-to-end tests"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    [ -x "$browser" ] && return 0
  fi
  echo "Chromium is missing at $browser: run \`sudo apt-get install -y chromium\` (or set CHROMIUM_PATH), then npm test again." >&2
  exit 1
}

step "browser for the end-to-end tests"
ensure_chromium

step "install (npm ci when dependencies are missing)"
[ -d node_modules/next ] || npm ci

step "lint (ESLint with types, then Prettier)"
bounded 10 npx eslint .
bounded 5 npx prettier --check --log-level=warn .

step "types"
bounded 10 npx tsc --noEmit -p .

step "unit"
bounded 10 bash scripts/unit-tests.sh --test-timeout="$TEST_TIMEOUT_MS" --test-reporter=spec

step "build"
bounded 15 npx next build

step "services for the integration tests (PostgreSQL 15, Redis, on free ports)"
bounded 5 bash scripts/test-services.sh start
trap 'bash scripts/test-services.sh stop' EXIT
# shellcheck source=/dev/null
source .test-services

step "integration on SQLite (real server on a free port, temporary database)"
mapfile -t integration < <(find test/integration -name '*.test.ts' | sort)
bounded 20 node --import tsx --test --test-concurrency=1 --test-timeout="$TEST_TIMEOUT_MS" --test-reporter=spec "${integration[@]}"

# The same servers with their records and update log on PostgreSQL, a database each. The files
# listed in test/integration/postgres.list are those that read what was stored through the
# dialect-neutral reader (test/helpers/store-reader.ts) or only over HTTP and websockets; the
# others still open the SQLite file itself.
step "integration on PostgreSQL (the same servers, DATABASE_URL set)"
mapfile -t on_postgres < <(grep -v '^#' test/integration/postgres.list | sed '/^$/d;s|^|test/integration/|')
TEST_DATABASE=postgres bounded 20 node --import tsx --test --test-concurrency=1 --test-timeout="$TEST_TIMEOUT_MS" --test-reporter=spec "${on_postgres[@]}"

step "end-to-end (Playwright, Chromium)"
bounded 25 npx playwright test
