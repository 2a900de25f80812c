#!/usr/bin/env bash
# Runs every test: types, unit, integration (real server, temporary database) and end-to-end
# (Playwright with Debian's Chromium). The one command the README and CI both call.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

step() { printf '\n=== %s ===\n' "$*"; }

step "install (npm ci when dependencies are missing)"
[ -d node_modules/next ] || npm ci

step "types"
npx tsc --noEmit -p .

step "unit"
mapfile -t unit < <(find lib server -name '*.test.ts' -not -path '*/node_modules/*' | sort)
node --import tsx --test --test-reporter=spec "${unit[@]}"

step "build"
npx next build

step "integration (real server on a free port, temporary database)"
mapfile -t integration < <(find test/integration -name '*.test.ts' | sort)
node --import tsx --test --test-concurrency=1 --test-reporter=spec "${integration[@]}"

step "end-to-end (Playwright, Chromium)"
npx playwright test
