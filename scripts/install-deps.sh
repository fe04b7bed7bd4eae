#!/usr/bin/env bash
# install-deps.sh GROUP... installs the system packages a make target needs, only
# when they are missing. Groups: run (SWORD modules), test (run + diatheke,
# module tools, Chromium for the browser tests), bench (test + anchors and load tools).
# On a system without apt-get it prints what to install and fails.
set -euo pipefail

# The library: English Bibles, lexicons and Nave's; three public-domain
# commentaries (read beside the text, and evidence for ask); the Spanish
# Reina-Valera 1909; libsword's locale files (book names in ~90 languages);
# WordNet (modern words bridged to the translations' words).
run_pkgs="sword-text-kjv sword-text-web sword-dict-naves sword-dict-strongs-greek sword-dict-strongs-hebrew diatheke sword-text-sparv sword-comm-mhcc sword-comm-scofield sword-comm-tdavid libsword-common wordnet-base"
test_pkgs="$run_pkgs libsword-utils chromium zip unzip gcc libc6-dev"
bench_pkgs="$test_pkgs bible-kjv hyperfine wrk"

want=""
for g in "$@"; do
  case "$g" in
    run) want="$want $run_pkgs" ;;
    test) want="$want $test_pkgs" ;;
    bench) want="$want $bench_pkgs" ;;
    *) echo "install-deps: unknown group '$g' (use run, test or bench)" >&2; exit 2 ;;
  esac
done

missing=""
for p in $want; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    case " $missing " in *" $p "*) ;; *) missing="$missing $p" ;; esac
  fi
done

need_go=""
if ! command -v go >/dev/null 2>&1 && [ ! -x /usr/local/go/bin/go ]; then
  need_go="golang-go"
fi

if [ -z "$missing" ] && [ -z "$need_go" ]; then
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "berean needs these Debian packages (or your system's equivalents):$missing $need_go" >&2
  echo "Install the CrossWire SWORD modules KJV, WEB, Nave, StrongsGreek and StrongsHebrew into /usr/share/sword or ~/.sword," >&2
  echo "plus diatheke, Chromium and Go 1.21 or newer, then run make again." >&2
  exit 1
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
echo "installing:$missing $need_go"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
# shellcheck disable=SC2086
$sudo apt-get install -y -qq --no-install-recommends $missing $need_go
