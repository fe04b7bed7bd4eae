#!/usr/bin/env bash
# bench-server.sh: HTTP throughput and memory of `berean serve`, measured in this
# one run, printed as rows for scripts/bench.sh (or alone: a small table).
#
#   1. GET /api/read?ref=John+3:16 with 64 connections (wrk) vs GET /_hello, a
#      bare hello-world handler in the same server process (outside all
#      middleware), measured alternately three times (hello, read, ...); the best
#      of each. Target: read >= 60% of hello, read p99 < 5 ms.
#   2. RSS of the server after every module has been used (KJV, WEB, Nave,
#      Strong's) and the search index, ask tables and verify model are open.
#      Target: < 300 MB.
#   3. Mixed load: 64 connections cycling through every endpoint
#      (scripts/mixed-load.lua: read, refs, search, ask, study, xref, lexicon,
#      topic, modules, healthz, POST verify) for MIXED_DUR (20s); the p99
#      latency over all requests and the server's RSS after it. Targets: p99
#      < 1 s, RSS < 300 MB, no errors. PART=mixed runs this part alone.
#
# Loopback only. The server logs its requests (info level) to /dev/null, as a
# deployment would log them somewhere. The server and wrk are pinned with
# taskset to disjoint CPUs of this machine: the server to SERVER_CPUS (default:
# the last CPU, e.g. 1 on two cores) with GOMAXPROCS=SERVER_PROCS (default: the
# number of those CPUs), wrk to WRK_CPUS (default: the other CPUs, e.g. 0), as a
# load generator on another machine would leave the server its cores. On one
# CPU both share it. CPUS=0-1 (say) puts both on the same CPUs instead, the
# load generator competing with the server; there the hello-world's own p99 is
# about 5.5 ms on two cores, above the read target, so that setting measures
# the machine more than the server. The note of the p99 row says how the run
# was pinned. PART=read runs part 1 alone, PART=mixed part 3 alone.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-./berean}
DUR=${DUR:-3s}
CONNS=${CONNS:-64}
THREADS=${THREADS:-1}   # wrk threads: one leaves the other CPU(s) to the server
ncpu=$(nproc)
if [ -n "${CPUS:-}" ]; then
  SERVER_CPUS=$CPUS; WRK_CPUS=$CPUS
elif [ "$ncpu" -gt 1 ]; then
  others=0
  [ "$ncpu" -gt 2 ] && others="0-$((ncpu - 2))"
  SERVER_CPUS=${SERVER_CPUS:-$((ncpu - 1))}; WRK_CPUS=${WRK_CPUS:-$others}
else
  SERVER_CPUS=${SERVER_CPUS:-0}; WRK_CPUS=${WRK_CPUS:-0}
fi
# cpu_count LIST: how many CPUs a taskset list ("1", "0-2", "0,3") names.
cpu_count() { python3 -c 'import sys
n = 0
for part in sys.argv[1].split(","):
    a, _, b = part.partition("-")
    n += int(b or a) - int(a) + 1
print(n)' "$1"; }
SERVER_PROCS=${SERVER_PROCS:-$(cpu_count "$SERVER_CPUS")}
pin=(); spin=()
if command -v taskset >/dev/null; then
  pin=(taskset -c "$WRK_CPUS"); spin=(taskset -c "$SERVER_CPUS")
fi
standalone=${STANDALONE:-0}
[ -t 1 ] && [ -z "${BENCH_ROWS:-}" ] && standalone=1

die() { echo "bench-server: $*" >&2; exit 1; }
[ -x "$BIN" ] || die "no $BIN (run make build)"
command -v wrk >/dev/null || die "wrk is not installed (scripts/install-deps.sh bench)"

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
base="http://127.0.0.1:$port"
GOMAXPROCS=$SERVER_PROCS "${spin[@]}" "$BIN" serve --addr "127.0.0.1:$port" --log-level "${LOG_LEVEL:-info}" >/dev/null 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do
  curl -fsS "$base/healthz" >/dev/null 2>&1 && break
  kill -0 "$pid" 2>/dev/null || die "the server exited"
  sleep 0.1
done
curl -fsS "$base/healthz" >/dev/null || die "the server did not come up"

# Use every module once: Bibles, lexicons, Nave's, the index, ask, verify.
get() { curl -fsS -o /dev/null "$base$1" || die "GET $1 failed"; }
get "/api/read?ref=John+3:16"
get "/api/read?ref=Heb+7:23-25&bible=KJV,WEB"
get "/api/search?q=intercession&bible=all&stats=1"
get "/api/lexicon/G1793"
get "/api/lexicon/H6293"
get "/api/topic/INTERCESSION"
get "/api/ask?q=Where+does+the+Bible+say+Jesus+lives+to+make+intercession+for+us%3F"
get "/api/study?topic=intercession"
get "/api/xref?ref=Ps+110:4"
curl -fsS -o /dev/null -X POST --data-binary 'Hebrews 7:25 says he "ever liveth to make intercession for them".' "$base/api/verify" || die "verify failed"

# wrk_run PATH: prints "requests_per_second p99_ms".
wrk_run() {
  "${pin[@]}" wrk -t"$THREADS" -c"$CONNS" -d"$DUR" --latency "$base$1" | awk '
    /Requests\/sec:/ { rps = $2 }
    /^ +99%/ { v = $2; if (v ~ /us$/) { sub(/us$/, "", v); v = v / 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) } else if (v ~ /s$/) { sub(/s$/, "", v); v = v * 1000 }; p99 = v }
    END { printf "%.0f %.3f\n", rps, p99 }'
}
rows=()
row() { rows+=("$(printf '%-44s %12s %12s %10s   %s' "$@")"); }

# mixed_run: prints "requests_per_second p99_ms errors requests".
mixed_run() {
  "${pin[@]}" wrk -t"$THREADS" -c"$CONNS" -d"${MIXED_DUR:-20s}" --timeout 10s -s scripts/mixed-load.lua "$base/" | awk '/^MIXED / { print $2, $3, $4, $5 }'
}
mixed_rows() {
  read -r mr mp me mn < <(mixed_run)
  local kb mb
  kb=$(awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status")
  mb=$(python3 -c "print('%.0f' % ($kb/1024))")
  row "mixed load, all endpoints ($CONNS conns, p99)" "${mp}ms" "" "" "target < 1000 ms ($mr req/s, $me errors of $mn)"
  row "server RSS after the mixed load" "${mb}MB" "" "" "target < 300 MB"
}
if [ "${PART:-all}" = mixed ]; then
  mixed_rows
  [ "$standalone" = 1 ] && printf '%-44s %12s %12s %10s   %s\n' workload berean anchor ratio note
  printf '%s\n' "${rows[@]}"
  exit 0
fi

read_url="/api/read?ref=John+3:16"
"${pin[@]}" wrk -t2 -c"$CONNS" -d1s "$base$read_url" >/dev/null   # warm the connections and caches
hb=0; hp=0; rb=0; rp=0; p99s=()
for _ in 1 2 3; do
  read -r h p < <(wrk_run /_hello)
  if [ "$h" -gt "$hb" ]; then hb=$h; hp=$p; fi
  read -r r q < <(wrk_run "$read_url")
  if [ "$r" -gt "$rb" ]; then rb=$r; rp=$q; fi
  p99s+=("$q")
done
rss_kb=$(awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status")
rss_mb=$(python3 -c "print('%.0f' % ($rss_kb/1024))")
ratio=$(python3 -c "print('%.0f%%' % (100.0*$rb/$hb))")

row "GET /api/read John 3:16 ($CONNS conns, req/s)" "$rb" "$hb" "$ratio" "vs hello-world in the same binary (target >= 60%)"
row "GET /api/read p99 latency" "${rp}ms" "${hp}ms" "" "target < 5 ms (the three runs: ${p99s[*]} ms; server on CPUs ${SERVER_CPUS} with GOMAXPROCS=$SERVER_PROCS, wrk on CPUs ${WRK_CPUS}${pin[*]:+ (taskset)})"
row "server RSS, all modules + index loaded" "${rss_mb}MB" "" "" "target < 300 MB"
[ "${PART:-all}" = read ] || mixed_rows

if [ "$standalone" = 1 ]; then
  printf '%-44s %12s %12s %10s   %s\n' workload berean anchor ratio note
fi
printf '%s\n' "${rows[@]}"
