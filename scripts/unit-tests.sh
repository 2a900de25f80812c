#!/usr/bin/env bash
# Runs every unit test file (colocated `*.test.ts` under lib/, server/, bench/ and components/). npm
# runs scripts under sh, which has no `**`, so the files are listed with find; extra arguments go to
# node.
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t files < <(find lib server bench components -name '*.test.ts' -not -path '*/node_modules/*' | sort)
exec node --import tsx --test "$@" "${files[@]}"
