#!/usr/bin/env bash
# Runs every unit test file (colocated `*.test.ts` under lib/, server/ and bench/). npm runs scripts
# under sh, which has no `**`, so the files are listed with find; extra arguments go to node.
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t files < <(find lib server bench -name '*.test.ts' -not -path '*/node_modules/*' | sort)
exec node --import tsx --test "$@" "${files[@]}"
