#!/usr/bin/env bash
# Runs every test: types, unit, integration (real server, temporary database) and end-to-end
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

step "install (npm ci when dependencies are missing)"
[ -d node_modules/next ] || npm ci

step "types"
bounded 10 npx tsc --noEmit -p .

step "unit"
mapfile -t unit < <(find lib server -name '*.test.ts' -not -path '*/node_modules/*' | sort)
bounded 10 node --import tsx --test --test-timeout="$TEST_TIMEOUT_MS" --test-reporter=spec "${unit[@]}"

step "build"
bounded 15 npx next build

step "integration (real server on a free port, temporary database)"
mapfile -t integration < <(find test/integration -name '*.test.ts' | sort)
bounded 20 node --import tsx --test --test-concurrency=1 --test-timeout="$TEST_TIMEOUT_MS" --test-reporter=spec "${integration[@]}"

step "end-to-end (Playwright, Chromium)"
bounded 25 npx playwright test
