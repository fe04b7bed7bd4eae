#!/usr/bin/env bash
# bench.sh: side-by-side timings of berean against its anchors, all measured in
# this one run on this machine, printed as a table of ratios. Run through
# `make bench`, which installs the anchors (diatheke, mkfastmod, bible) first.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-./berean}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# median_ms CMD... prints the median wall time of each CMD in milliseconds.
# The runs are taken in rounds (5 rounds of RUNS/5, the order of the commands
# rotated each round) so that the load of a shared machine drifting during
# the measurement falls on every command alike, and the median is quoted,
# not the mean: a few runs that waited for a CPU move the mean of a 2 ms
# command by more than the difference measured.
median_ms() {
  local rounds=5 per=$(( ${RUNS:-300} / 5 )) i cmds=("$@")
  for ((i = 0; i < rounds; i++)); do
    hyperfine -N --warmup 10 --runs "$per" --export-json "$out/h$i.json" "${cmds[@]}" >/dev/null 2>&1 ||
      hyperfine --warmup 10 --runs "$per" --export-json "$out/h$i.json" "${cmds[@]}" >/dev/null
    cmds=("${cmds[@]:1}" "${cmds[0]}")
  done
  python3 - "$out" "$rounds" "$@" <<'PY'
import json, statistics, sys
out, rounds, cmds = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
times = {c: [] for c in cmds}
for i in range(rounds):
    for r in json.load(open(f"{out}/h{i}.json"))["results"]:
        times[r["command"]] += r["times"]
print(" ".join("%.3f" % (statistics.median(times[c]) * 1000) for c in cmds))
PY
}

rows=()
row() { rows+=("$(printf '%-44s %12s %12s %10s   %s' "$@")"); }

# 1. read in a new process. diatheke is given the module berean reads (the
# installed KJV may be named e.g. engKJV2006eb; given a name it does not
# know, diatheke prints nothing and would be timed doing less).
ref='Heb 7:23-25'
mod=$("$BIN" read --json "$ref" | python3 -c 'import json,sys; print(json.load(sys.stdin)["module"])')
# The full build (berean-full, what serve runs) is timed too when it is
# there: the lite build's gain is the difference.
full=()
[ -x "$BIN-full" ] && full=("$BIN-full read '$ref'")
read -r b d k f < <(median_ms "$BIN read '$ref'" "diatheke -b $mod -k '$ref'" "bible -f Heb7:23-25" "${full[@]}")
row "read '$ref' (new process, median)" "${b}ms" "${d}ms" "$(python3 -c "print('%.1fx'%($d/$b))")" "diatheke/berean time (target >= 20x)"
row "" "" "${k}ms" "$(python3 -c "print('%.2fx'%($b/$k))")" "berean/bible time (target <= 2x)"
[ -n "${f:-}" ] && row "read '$ref', full build (berean-full)" "${f}ms" "${k}ms" "$(python3 -c "print('%.2fx'%($f/$k))")" "berean-full/bible time"

# 1b. xref in a new process (index built): target 30 ms.
read -r x1 x2 < <(RUNS=${XREF_RUNS:-50} median_ms "$BIN xref Ps.110.4" "$BIN xref 'Matt 14:19'")
row "xref Ps.110.4 (new process)" "${x1}ms" "" "" "target <= 30 ms"
row "xref 'Matt 14:19' (new process; parallels)" "${x2}ms" "" "" "target <= 30 ms"
# 1c. ask and study in a new process (index built): a question as people
# type it, and the topic of the intercession article. Target for ask 80 ms;
# a warm ask is BenchmarkAsk (target: median 25 ms).
q='Where does the Bible say Jesus lives to make intercession for us?'
read -r a1 s1 < <(RUNS=${ASK_RUNS:-50} median_ms "$BIN ask '$q'" "$BIN study 'Jesus makes intercession for us'")
row "ask (new process)" "${a1}ms" "" "" "target <= 80 ms"
row "study (new process)" "${s1}ms" "" "" ""
# What start-up costs before main: the package inits (GODEBUG=inittrace=1,
# median over 31 runs of the sum of their clock times), the binary's size and
# the page faults of one read (perf stat, when installed).
init_ms=$(for _ in $(seq 31); do GODEBUG=inittrace=1 "$BIN" read "$ref" 2>&1 >/dev/null |
  awk '/^init /{t+=$5; n++} END{printf "%.3f %d\n", t, n}'; done |
  python3 -c 'import sys,statistics; r=[l.split() for l in sys.stdin]; print("%.3f %s"%(statistics.median(float(x[0]) for x in r), r[0][1]))')
row "package inits before main (inittrace)" "${init_ms% *}ms" "" "" "${init_ms#* } packages"
row "binary size" "$(($(stat -c %s "$BIN") / 1024)) KB" "" "" ""
if command -v perf >/dev/null && pf=$(perf stat -x, -e page-faults -r 50 "$BIN" read "$ref" 2>&1 >/dev/null | awk -F, '/page-faults/{print $1}') && [ -n "$pf" ]; then
  pk=$(perf stat -x, -e page-faults -r 50 bible -f Heb7:23-25 2>&1 >/dev/null | awk -F, '/page-faults/{print $1}')
  row "page faults of one read" "$pf" "$pk" "" "bible's in the anchor column"
fi

# part SCRIPT: the rows a benchmark script prints; one that fails adds a row
# saying so, after the rows it printed, instead of leaving them out.
part() {
  local out st=0
  out=$(BIN=$BIN "$1") || st=$?
  [ -n "$out" ] && while IFS= read -r line; do rows+=("$line"); done <<<"$out"
  if [ "$st" -ne 0 ]; then
    rows+=("$(printf '%-44s %12s %12s %10s   %s' "$1" FAILED "" "" "exit status $st: run it alone to see why")")
  fi
}

# 2. search and index build, when the search feature is built.
if [ -x scripts/bench-search.sh ]; then
  part scripts/bench-search.sh
fi
# 3. server throughput and memory.
if [ -x scripts/bench-server.sh ]; then
  part scripts/bench-server.sh
fi

printf '%-44s %12s %12s %10s   %s\n' workload berean anchor ratio note
printf '%s\n' "${rows[@]}"
