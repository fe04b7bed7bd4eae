#!/usr/bin/env bash
# fuzz.sh [DURATION] runs every fuzz target of the project for DURATION each
# (default 10m). Crashers land in each package's testdata/fuzz/ and stay there
# as regression cases that plain `go test` replays.
set -euo pipefail
cd "$(dirname "$0")/.."
time=${1:-10m}
go=${GO:-go}
for pkg in $($go list ./...); do
  dir=$($go list -f '{{.Dir}}' "$pkg")
  for t in $(grep -ho '^func Fuzz[A-Za-z0-9_]*' "$dir"/*_test.go 2>/dev/null | sed 's/^func //' | sort -u); do
    echo "== $pkg $t ($time)"
    $go test -run "^$" -fuzz "^$t\$" -fuzztime "$time" -fuzzminimizetime 10x "$pkg"
  done
done
