#!/usr/bin/env bash
# Whole-process side by side: the req2nix command and pip 23.2 on the same requirements, against the
# shared mirror served on loopback by the fixture index with added latency per request; cold (empty
# caches) and warm (req2nix --offline from its cache; pip with its warm HTTP cache). Each run gets a
# fresh server so its request count is its own. Prints a Markdown table.
#
#   bench/cli-vs-pip.sh [REQUIREMENTS] [LATENCY_MS] [RUNS]
#
# req2nix does its whole job (resolve for CPython 3.11 on x86_64-linux, read the build system and
# import names of every file the builds use, write python-packages.nix); pip resolves with
# `install --dry-run --ignore-installed --only-binary=:all: --report`.
set -euo pipefail
cd "$(dirname "$0")/.."
requirements="${1:-tests/Resolver.Tests/Differential/cases/s16-large-150/requirements.txt}"
latency="${2:-20}"
runs="${3:-3}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

dotnet build src/Cli -c Release >/dev/null
dotnet build fixtures/FixtureIndex -c Release >/dev/null
req2nix=(dotnet src/Cli/bin/Release/net10.0/req2nix.dll)
server=(dotnet fixtures/FixtureIndex/bin/Release/net10.0/req2nix-fixture-index.dll --mirror --latency-ms "$latency")

# Runs "$@" against a fresh server on PORT (caches are keyed by URL: cold and warm runs share a
# port); prints "seconds requests".
measure() {
  local port="$1"; shift
  "${server[@]}" --port "$port" >"$work/url" 2>"$work/server.log" &
  local pid=$!
  for _ in $(seq 1 600); do [ -s "$work/url" ] && break; sleep 0.1; done
  local url; url="$(cat "$work/url")"
  local start end
  start=$(date +%s.%N)
  "$@" "$url" >/dev/null 2>"$work/tool.log" || { cat "$work/tool.log" >&2; kill "$pid"; exit 1; }
  end=$(date +%s.%N)
  kill -TERM "$pid"; wait "$pid" || true
  local requests; requests="$(sed -n 's/.*stopping after \([0-9]*\) requests.*/\1/p' "$work/server.log")"
  echo "$(echo "$end - $start" | bc) $requests"
}

req2nix_run() { # CACHE OFFLINE URL
  local offline=(); [ "$2" = yes ] && offline=(--offline)
  "${req2nix[@]}" -q -i "$3" --python 3.11 --system x86_64-linux --cache-dir "$1" "${offline[@]}" -o "$work/out.nix" "$requirements"
}
pip_run() { # CACHE URL
  python3 -m pip install -q --dry-run --ignore-installed --only-binary=:all: --disable-pip-version-check \
    --cache-dir "$1" --report "$work/pip.json" -i "$2" -r "$requirements"
}

best() { sort -n | head -1; }
declare -A results
base=$((20000 + RANDOM % 20000))
for run in $(seq 1 "$runs"); do
  port=$((base + run))
  results[req2nix-cold]+="$(measure "$port" req2nix_run "$work/r-$run" no)"$'\n'
  results[req2nix-warm]+="$(measure "$port" req2nix_run "$work/r-$run" yes)"$'\n'
  results[pip-cold]+="$(measure "$port" pip_run "$work/p-$run")"$'\n'
  results[pip-warm]+="$(measure "$port" pip_run "$work/p-$run")"$'\n'
done

packages=$(grep -c '= buildPythonPackage' "$work/out.nix")
pins=$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))['install']))" "$work/pip.json")
echo "requirements: $requirements; $latency ms added per request; best of $runs; $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "req2nix: $packages packages written; pip: $pins pins"
echo
echo "| | req2nix | requests | pip 23.2 | requests | pip / req2nix |"
echo "|---|---:|---:|---:|---:|---:|"
for mode in cold warm; do
  read -r r rq <<<"$(printf '%s' "${results[req2nix-$mode]}" | best)"
  read -r p pq <<<"$(printf '%s' "${results[pip-$mode]}" | best)"
  printf '| %s | %.3f s | %s | %.2f s | %s | %.0fx |\n' "$mode" "$r" "$rq" "$p" "$pq" "$(echo "$p / $r" | bc -l)"
done
