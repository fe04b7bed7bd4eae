#!/usr/bin/env bash
# bench-search.sh: side-by-side timings of berean's search index against
# diatheke/mkfastmod (SWORD's clucene index), all measured in this one run,
# printed as rows for scripts/bench.sh (or alone: a small table).
#
#   1. index build: `berean index --force` (KJV + WEB, fresh cache dir)
#      vs `mkfastmod KJV` + `mkfastmod WEB` (run once each: ~25 s).
#   2. search in a new process, index already built:
#      `berean search intercession` vs `diatheke -b KJV -s lucene -k intercession`.
#
# Uses hyperfine when installed, else a shell loop. mkfastmod writes its index
# into the modules' own directories (modules/texts/ztext/*/lucene): needs
# write access there (make bench runs as root); berean ignores that directory
# when fingerprinting the modules.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-./berean}
SWORD_ROOT=${SWORD_ROOT:-/usr/share/sword}
standalone=${STANDALONE:-0}
[ -t 1 ] && [ -z "${BENCH_ROWS:-}" ] && standalone=1

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cache="$work/cache"

die() { echo "bench-search: $*" >&2; exit 1; }
[ -x "$BIN" ] || die "no $BIN (run make build)"
command -v diatheke >/dev/null || die "diatheke is not installed"
command -v mkfastmod >/dev/null || die "mkfastmod is not installed (libsword-utils)"

# module NAME: the module name whose conf has Abbreviation=NAME (diatheke
# 1.9 does not resolve abbreviations).
module() {
  local f
  for f in "$SWORD_ROOT"/mods.d/*.conf; do
    if grep -qi "^Abbreviation=$1\s*$" "$f"; then
      sed -n 's/^\[\(.*\)\]\s*$/\1/p' "$f" | head -1
      return
    fi
  done
  echo "$1"
}
KJV=$(module KJV)
WEB=$(module WEB)

# now_ms: wall clock in milliseconds.
now_ms() { python3 -c 'import time; print("%.3f" % (time.time()*1000))'; }

# mean_ms RUNS CMD...: mean wall time in ms of each CMD. With hyperfine,
# cpu_ms then prints the mean CPU time (user+system) of the same runs: on a
# loaded machine the wall times of a parallel build mean little, the CPU
# times still compare the work done.
mean_ms() {
  local runs=$1
  shift
  if command -v hyperfine >/dev/null; then
    hyperfine -N --warmup 2 --runs "$runs" --export-json "$work/h.json" "$@" >/dev/null 2>&1 ||
      hyperfine --warmup 2 --runs "$runs" --export-json "$work/h.json" "$@" >/dev/null
    python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"]; print(" ".join("%.3f"%(x["mean"]*1000) for x in r))' "$work/h.json"
  else
    local out=() c t0 t1 i
    for c in "$@"; do
      t0=$(now_ms)
      for ((i = 0; i < runs; i++)); do bash -c "$c" >/dev/null 2>&1; done
      t1=$(now_ms)
      out+=("$(python3 -c "print('%.3f' % (($t1-$t0)/$runs))")")
    done
    echo "${out[@]}"
  fi
}

cpu_ms() {
  [ -f "$work/h.json" ] || { echo "? ?"; return; }
  python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"]; print(" ".join("%.1f"%((x["user"]+x["system"])*1000) for x in r))' "$work/h.json"
}

# once_ms CMD...: wall and CPU (user+system) time in ms of one run.
once_ms() {
  /usr/bin/time -o "$work/time.txt" -f "%e %U %S" "$@" >/dev/null 2>&1
  python3 -c "w,u,s=map(float,open('$work/time.txt').read().split()[-3:]); print('%.1f %.1f' % (w*1000,(u+s)*1000))"
}

ratio() { python3 -c "print('%.1fx' % ($1/$2))"; }

rows=()
row() { rows+=("$(printf '%-44s %12s %12s %10s   %s' "$@")"); }

# 1. Index build. berean: fresh cache each run.
b_build=$(mean_ms 5 "$BIN index --force --cache-dir $cache")
read -r b_build_cpu < <(cpu_ms)
read -r m_kjv m_kjv_cpu < <(once_ms mkfastmod "$KJV")
read -r m_web m_web_cpu < <(once_ms mkfastmod "$WEB")
m_build=$(python3 -c "print('%.1f' % ($m_kjv+$m_web))")
m_build_cpu=$(python3 -c "print('%.1f' % ($m_kjv_cpu+$m_web_cpu))")
row "index build KJV+WEB" "${b_build}ms" "${m_build}ms" "$(ratio "$m_build" "$b_build")" "vs mkfastmod KJV+WEB, wall (target >= 10x)"
row "  same, CPU time (user+sys)" "${b_build_cpu}ms" "${m_build_cpu}ms" "$(ratio "$m_build_cpu" "$b_build_cpu")" "load $(cut -d' ' -f1 /proc/loadavg) on $(nproc) cores"

# 2. Search in a new process, both indexes built.
$BIN index --cache-dir "$cache" >/dev/null 2>&1
n_b=$($BIN search --cache-dir "$cache" --json -n 0 intercession | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')
read -r b_s d_s < <(mean_ms 30 "$BIN search --cache-dir $cache intercession" "diatheke -b $KJV -s lucene -k intercession")
read -r b_s_cpu d_s_cpu < <(cpu_ms)
row "search intercession (new process)" "${b_s}ms" "${d_s}ms" "$(ratio "$d_s" "$b_s")" "vs diatheke -s lucene, wall (target >= 15x; $n_b hits)"
row "  same, CPU time (user+sys)" "${b_s_cpu}ms" "${d_s_cpu}ms" "$(ratio "$d_s_cpu" "$b_s_cpu")" ""

# 3. Unindexed anchors: diatheke's phrase and Strong's searches.
read -r b_p d_p < <(mean_ms 5 "$BIN search --cache-dir $cache '\"make intercession\"'" "diatheke -b $KJV -s phrase -k 'make intercession'")
row "search \"make intercession\" (new process)" "${b_p}ms" "${d_p}ms" "$(ratio "$d_p" "$b_p")" "vs diatheke -s phrase"

size=$(du -k "$cache"/index-*.bidx | awk '{printf "%.1f", $1/1024}')
row "index size KJV+WEB (+lexicons, Nave)" "${size}MB" "" "" "target < 30 MB"

if [ "$standalone" = 1 ]; then
  printf '%-44s %12s %12s %10s   %s\n' workload berean anchor ratio note
fi
printf '%s\n' "${rows[@]}"
