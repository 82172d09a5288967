#!/usr/bin/env bash
# Whole-process side by side: the req2nix command and pip 23.2 on the same requirements, against the
# shared mirror served on loopback by the fixture index with added latency per request; cold (empty
# caches) and warm (req2nix --offline from its cache; pip with its warm HTTP cache). Each run gets a
# fresh server so its request count is its own, warmed up first (bench/warm-up-index.py), as PyPI is
# never cold: a few requests of every kind, then a replay of the requests of req2nix's recorded cold
# run, so that the server compresses those pages and compiles its code for that work before the
# timed run rather than during it, on the cores the timed run uses (PyPI's CDN serves its pages
# compressed already); the warm-up's requests are not counted. Then it is left to settle until it
# uses no CPU. The server runs without tiered compilation (its project file), so its code is final
# once warmed up. Prints a Markdown table.
#
#   bench/cli-vs-pip.sh [REQUIREMENTS] [LATENCY_MS] [RUNS] [CONCURRENCY]
#
# req2nix does its whole job (resolve for CPython 3.11 on x86_64-linux, read the build system and
# import names of every file the builds use, write python-packages.nix); pip resolves with
# `install --dry-run --ignore-installed --only-binary=:all: --report`.
#
# The request floor: curl (HTTP/1.1, CONCURRENCY transfers in parallel) fetching the very URLs
# req2nix's cold run fetched, every one known before the first is sent, against a fresh server
# warmed up the same way. No resolver that makes those requests with that many in flight can finish
# its cold run sooner (and it has its own start-up before its first request on top).
set -euo pipefail
cd "$(dirname "$0")/.."
requirements="${1:-tests/Resolver.Tests/Differential/cases/s16-large-150/requirements.txt}"
latency="${2:-20}"
runs="${3:-3}"
concurrency="${4:-16}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

dotnet build src/Cli -c Release >/dev/null
dotnet build fixtures/FixtureIndex -c Release >/dev/null
# Three builds of the same code: as `dotnet build` (and `dotnet tool install`) leave it, JIT-compiled
# at start-up; published ReadyToRun (precompiled, framework-dependent); and published self-contained,
# trimmed, as one composite ReadyToRun image of the app and the framework code it uses, which also
# precompiles the framework's generics over the app's types (what a packager should ship; README
# "Install").
dotnet publish src/Cli -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$work/r2r" >/dev/null
# (A configuration of its own: the composite's intermediate files must not be reused by the other build.)
dotnet publish src/Cli -c Composite -p:Optimize=true -r linux-x64 --self-contained true -p:PublishTrimmed=true -p:PublishReadyToRun=true -p:PublishReadyToRunComposite=true -o "$work/composite" >/dev/null
jit=(dotnet src/Cli/bin/Release/net10.0/req2nix.dll)
r2r=("$work/r2r/req2nix")
composite=("$work/composite/req2nix")
server=(dotnet fixtures/FixtureIndex/bin/Release/net10.0/req2nix-fixture-index.dll --mirror --latency-ms "$latency")

# Runs "$@" against a fresh server on PORT (caches are keyed by URL: cold and warm runs share a
# port); prints "seconds requests".
measure() {
  local port="$1"; shift
  rm -f "$work/url"
  "${server[@]}" --port "$port" >"$work/url" 2>"$work/server.log" &
  local pid=$!
  for _ in $(seq 1 1200); do grep -q '^http' "$work/url" 2>/dev/null && break; sleep 0.1; done
  local url; url="$(cat "$work/url")"
  [ -n "$url" ] || { echo "the fixture index did not start: $(cat "$work/server.log")" >&2; exit 1; }
  # The server serves the pages of a cold run compressed already, from warm code (as PyPI's CDN
  # does): see warm-up-index.py.
  local replay=(); [ -s "$work/urls.txt" ] && replay=(--replay "$work/urls.txt")
  local warm_up; warm_up="$(bench/warm-up-index.py "$url" "${replay[@]}" --settle "$pid")"
  local start end
  start=$(date +%s.%N)
  "$@" "$url" >/dev/null 2>"$work/tool.log" || { cat "$work/tool.log" >&2; kill "$pid"; exit 1; }
  end=$(date +%s.%N)
  kill -TERM "$pid"; wait "$pid" || true
  local requests; requests="$(sed -n 's/.*stopping after \([0-9]*\) requests.*/\1/p' "$work/server.log")"
  echo "$(echo "$end - $start" | bc) $((requests - warm_up))"
}

jit_run() { req2nix_run jit "$@"; }
r2r_run() { req2nix_run r2r "$@"; }
composite_run() { req2nix_run composite "$@"; }
# Every run writes a file of its own (measure runs each in a subshell of its own): req2nix leaves a
# file that would not change as it is, which would spare every run after the first the write, and
# deleting the last one first would charge the run for ext4's clean-up of it.
req2nix_run() { # BUILD CACHE OFFLINE URL
  local build="$1"; shift
  local -n command="$build"
  local offline=(); [ "$2" = yes ] && offline=(--offline)
  "${command[@]}" -q -i "$3" --concurrency "$concurrency" --python 3.11 --system x86_64-linux --cache-dir "$1" "${offline[@]}" -o "$work/out-$BASHPID.nix" "$requirements"
}
# The URLs of one cold run (from -v), less the server's base: the request floor replays them.
record_urls() {
  local port=$((base + runs + 1))
  "${server[@]}" --port "$port" >"$work/url" 2>"$work/server.log" &
  local pid=$!
  for _ in $(seq 1 1200); do grep -q '^http' "$work/url" 2>/dev/null && break; sleep 0.1; done
  local url; url="$(cat "$work/url")"
  "${composite[@]}" -v -i "$url" --concurrency "$concurrency" --python 3.11 --system x86_64-linux --cache-dir "$work/urls-cache" -o "$work/urls.nix" "$requirements" 2>&1 \
    | sed -n 's|^req2nix: request: http://127\.0\.0\.1:[0-9]*/\([^ ]*\): .*|\1|p' >"$work/urls.txt"
  kill -TERM "$pid"; wait "$pid" || true
}
floor_run() { # CACHE URL (the cache is unused)
  local root="${2%/simple/}" config="$work/curl.cfg"
  # Compressed, as req2nix asks (the server then sends gzip or br); listings as PEP 691 JSON.
  {
    echo compressed
    echo "header = \"Accept: application/vnd.pypi.simple.v1+json\""
    grep '^simple/' "$work/urls.txt" | sed "s|.*|url = \"$root/&\"\noutput = \"/dev/null\"|"
    echo next
    echo compressed
    grep -v '^simple/' "$work/urls.txt" | sed "s|.*|url = \"$root/&\"\noutput = \"/dev/null\"|"
  } >"$config"
  curl -s --parallel --parallel-max "$concurrency" -K "$config"
}
pip_run() { # CACHE URL
  python3 -m pip install -q --dry-run --ignore-installed --only-binary=:all: --disable-pip-version-check \
    --cache-dir "$1" --report "$work/pip.json" -i "$2" -r "$requirements"
}

best() { sort -n | head -1; }
spread() { cut -d' ' -f1 | sort -n | awk 'NF { printf "%.3f ", $1 }'; }
declare -A results
base=$((20000 + RANDOM % 20000))
record_urls
for run in $(seq 1 "$runs"); do
  port=$((base + run))
  results[jit-cold]+="$(measure "$port" jit_run "$work/j-$run" no)"$'\n'
  results[jit-warm]+="$(measure "$port" jit_run "$work/j-$run" yes)"$'\n'
  results[r2r-cold]+="$(measure "$port" r2r_run "$work/r-$run" no)"$'\n'
  results[r2r-warm]+="$(measure "$port" r2r_run "$work/r-$run" yes)"$'\n'
  results[composite-cold]+="$(measure "$port" composite_run "$work/c-$run" no)"$'\n'
  results[composite-warm]+="$(measure "$port" composite_run "$work/c-$run" yes)"$'\n'
  results[floor-cold]+="$(measure "$port" floor_run "$work/f-$run")"$'\n'
  results[pip-cold]+="$(measure "$port" pip_run "$work/p-$run")"$'\n'
  results[pip-warm]+="$(measure "$port" pip_run "$work/p-$run")"$'\n'
done

packages=$(grep -c '= buildPythonPackage' "$(ls -t "$work"/out-*.nix | head -1)")
pins=$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))['install']))" "$work/pip.json")
echo "requirements: $requirements; $latency ms added per request; req2nix --concurrency $concurrency; best of $runs; $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "req2nix: $packages packages written; pip: $pins pins"
echo
echo "| | req2nix (JIT) | req2nix (ReadyToRun) | req2nix (composite) | requests | pip 23.2 | requests | pip / req2nix (JIT, R2R, composite) |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|"
for mode in cold warm; do
  read -r j jq <<<"$(printf '%s' "${results[jit-$mode]}" | best)"
  read -r r _ <<<"$(printf '%s' "${results[r2r-$mode]}" | best)"
  read -r c cq <<<"$(printf '%s' "${results[composite-$mode]}" | best)"
  read -r p pq <<<"$(printf '%s' "${results[pip-$mode]}" | best)"
  printf '| %s | %.3f s | %.3f s | %.3f s | %s | %.2f s | %s | %.0fx, %.0fx, %.0fx |\n' "$mode" "$j" "$r" "$c" "$cq" "$p" "$pq" \
    "$(echo "$p / $j" | bc -l)" "$(echo "$p / $r" | bc -l)" "$(echo "$p / $c" | bc -l)"
done
read -r f fq <<<"$(printf '%s' "${results[floor-cold]}" | best)"
read -r c _ <<<"$(printf '%s' "${results[composite-cold]}" | best)"
read -r p _ <<<"$(printf '%s' "${results[pip-cold]}" | best)"
echo
printf 'request floor: curl fetching the %s URLs of a cold run, all known in advance, %s in flight: %.3f s (%s requests; runs: %ss); pip / floor %.0fx; composite cold / floor %.2f\n' \
  "$(wc -l <"$work/urls.txt")" "$concurrency" "$f" "$fq" "$(printf '%s' "${results[floor-cold]}" | spread)" "$(echo "$p / $f" | bc -l)" "$(echo "$c / $f" | bc -l)"
# Best of RUNS above; every run of the composite build and of pip, to show the spread.
echo
for mode in cold warm; do
  echo "all $mode runs: composite $(printf '%s' "${results[composite-$mode]}" | spread)s; pip $(printf '%s' "${results[pip-$mode]}" | spread)s"
done
# A precompiled build that JIT-compiles much at start-up has lost part of its image (the trimmer's
# descriptors: src/Cli/Req2Nix.Cli.csproj): 41–51 methods on 2026-11-21 (the start-up warm-up
# thread races the exit), 117–126 before that fix. The count varies by a few from run to run for
# the same reason, and the runtime's writer of this list has been seen to crash as the process
# exits (once in some twenty runs): a diagnostic line, so neither fails the script.
DOTNET_JitStdOutFile="$work/jit.txt" DOTNET_JitDisasmSummary=1 "${composite[@]}" --version >/dev/null || true
echo "composite: $(wc -l 2>/dev/null <"$work/jit.txt" || echo '?') methods JIT-compiled to print its version"
