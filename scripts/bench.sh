#!/usr/bin/env bash
# bench.sh: side-by-side timings of berean against its anchors, all measured in
# this one run on this machine, printed as a table of ratios. Run through
# `make bench`, which installs the anchors (diatheke, mkfastmod, bible) first.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-./berean}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# mean_ms CMD... prints the mean wall time of CMD in milliseconds.
mean_ms() {
  hyperfine -N --warmup 3 --min-runs 20 --export-json "$out/h.json" "$@" >/dev/null 2>&1 ||
    hyperfine --warmup 3 --min-runs 20 --export-json "$out/h.json" "$@" >/dev/null
  python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"]; print(" ".join("%.3f"%(x["mean"]*1000) for x in r))' "$out/h.json"
}

rows=()
row() { rows+=("$(printf '%-44s %12s %12s %10s   %s' "$@")"); }

# 1. read in a new process.
read -r b d k < <(mean_ms "$BIN read 'Heb 7:23-25'" "diatheke -b KJV -k 'Heb 7:23-25'" "bible -f Heb7:23-25")
row "read 'Heb 7:23-25' (new process)" "${b}ms" "${d}ms" "$(python3 -c "print('%.1fx'%($d/$b))")" "vs diatheke (target >= 20x)"
row "" "" "${k}ms" "$(python3 -c "print('%.2fx'%($b/$k))")" "berean/bible time (target <= 2x)"

# 1b. xref in a new process (index built): target 30 ms.
read -r x1 x2 < <(mean_ms "$BIN xref Ps.110.4" "$BIN xref 'Matt 14:19'")
row "xref Ps.110.4 (new process)" "${x1}ms" "" "" "target <= 30 ms"
row "xref 'Matt 14:19' (new process; parallels)" "${x2}ms" "" "" "target <= 30 ms"

# 2. search and index build, when the search feature is built.
if [ -x scripts/bench-search.sh ]; then
  while IFS= read -r line; do rows+=("$line"); done < <(BIN=$BIN scripts/bench-search.sh)
fi
# 3. server throughput and memory.
if [ -x scripts/bench-server.sh ]; then
  while IFS= read -r line; do rows+=("$line"); done < <(BIN=$BIN scripts/bench-server.sh)
fi

printf '%-44s %12s %12s %10s   %s\n' workload berean anchor ratio note
printf '%s\n' "${rows[@]}"
