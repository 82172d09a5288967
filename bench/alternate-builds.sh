#!/usr/bin/env bash
# Before/after timing of whole `req2nix` runs: two or more published builds (folders holding a
# `req2nix` executable, e.g. from `dotnet publish src/Cli -c Composite -p:Optimize=true -r linux-x64
# --self-contained true -p:PublishTrimmed=true -p:PublishReadyToRun=true -p:PublishReadyToRunComposite=true
# -o DIR` at two commits) run in alternation against one fixture index with added latency, so that the machine's
# drift spreads over all of them. Prints each build's wall times, sorted, in milliseconds.
#
#   bench/alternate-builds.sh cold|warm RUNS CONCURRENCY BUILD_DIR... [-- REQUIREMENTS]
#
# cold: every run gets a new, empty cache folder. Folders are only removed at the end: on ext4,
# creating a file near recently deleted inodes costs ~0.5 ms instead of ~0.04 ms, which would charge
# the next run for the clean-up of the last. warm: `--offline` on a cache each build filled first.
set -euo pipefail
cd "$(dirname "$0")/.."
mode="$1" runs="$2" concurrency="$3"; shift 3
builds=()
while [ $# -gt 0 ] && [ "$1" != -- ]; do builds+=("$(realpath "$1")"); shift; done
[ "${1:-}" = -- ] && shift
requirements="$(realpath "${1:-tests/Resolver.Tests/Differential/cases/s16-large-150/requirements.txt}")"
[ "$mode" = cold ] || [ "$mode" = warm ] || { echo "usage: $0 cold|warm RUNS CONCURRENCY BUILD_DIR... [-- REQUIREMENTS]" >&2; exit 2; }
work="$(mktemp -d)"
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT

dotnet build fixtures/FixtureIndex -c Release >/dev/null
dotnet fixtures/FixtureIndex/bin/Release/net10.0/req2nix-fixture-index.dll --mirror --latency-ms 20 >"$work/url" 2>"$work/server.log" &
server=$!
for _ in $(seq 1 1200); do grep -q '^http' "$work/url" 2>/dev/null && break; sleep 0.1; done
url="$(cat "$work/url")"
[ -n "$url" ] || { echo "the fixture index did not start: $(cat "$work/server.log")" >&2; exit 1; }
bench/warm-up-index.py "$url" --settle "$server" >/dev/null

# Every run writes a file of its own: req2nix leaves a file that would not change as it is.
outputs=0
run() { # BUILD CACHE [--offline]
  local build="$1" cache="$2"; shift 2
  "$build/req2nix" -q -i "$url" --concurrency "$concurrency" --python 3.11 --system x86_64-linux \
    --cache-dir "$cache" "$@" -o "$work/out-$((++outputs)).nix" "$requirements"
}

declare -A times
for i in "${!builds[@]}"; do
  [ "$mode" = warm ] && run "${builds[$i]}" "$work/warm-$i"
done
for run_number in $(seq 1 "$runs"); do
  for i in "${!builds[@]}"; do
    if [ "$mode" = cold ]; then cache="$work/cold-$i-$run_number"; offline=(); else cache="$work/warm-$i"; offline=(--offline); fi
    start=$(date +%s%N)
    run "${builds[$i]}" "$cache" "${offline[@]}"
    end=$(date +%s%N)
    times[$i]+="$(( (end - start) / 1000000 )) "
  done
done
echo "$mode, $runs runs each, --concurrency $concurrency, 20 ms per request; $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"
for i in "${!builds[@]}"; do
  echo "${builds[$i]}: $(printf '%s\n' ${times[$i]} | sort -n | tr '\n' ' ')ms"
done
