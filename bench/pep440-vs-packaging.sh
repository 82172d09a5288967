#!/usr/bin/env bash
# Side-by-side timing of the PEP 440 engine against Python's packaging, on the same workload in the
# same run: every version string of shared/pypi-mirror/universe (parse, sort) and every distinct
# Requires-Dist specifier there checked against the versions of the project it names (contains).
#
#   bench/pep440-vs-packaging.sh PATH_TO_PACKAGING_26_3_SOURCE [SECONDS_PER_MEASURE]
#
# PATH is a checkout of pypa/packaging at tag 26.3 (its src/ goes on PYTHONPATH). The installed copy
# is pip's vendored packaging (21.3 here). req2nix is timed by the benchmark exe's quick mode
# (stopwatch, best of several passes, like the Python side); BenchmarkDotNet gives the detailed numbers:
#   dotnet run -c Release --project bench/Benchmarks -- --filter '*Pep440*'
set -euo pipefail
cd "$(dirname "$0")/.."

packaging_src="${1:?usage: $0 PATH_TO_PACKAGING_26_3_SOURCE [SECONDS_PER_MEASURE]}"
seconds="${2:-3}"
if [[ -d "$packaging_src/src/packaging" ]]; then packaging_src="$packaging_src/src"; fi
test -f "$packaging_src/packaging/version.py" || { echo "no packaging sources under $packaging_src" >&2; exit 2; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

dotnet build bench/Benchmarks -c Release -v quiet -nologo >/dev/null
bench=(dotnet bench/Benchmarks/bin/Release/net10.0/Req2Nix.Benchmarks.dll)
"${bench[@]}" pep440-export "$work/workload.json"

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(python3 --version), dotnet $(dotnet --version)"
echo "timing: best pass of >= 2 after a warm-up, about ${seconds}s per measure; load average: $(cut -d" " -f1-3 /proc/loadavg)"

python3 bench/pep440_packaging_timing.py "$work/workload.json" "$seconds" vendored >"$work/vendored.txt"
PYTHONPATH="$packaging_src" python3 bench/pep440_packaging_timing.py "$work/workload.json" "$seconds" source >"$work/source.txt"
"${bench[@]}" pep440-quick "$seconds" >"$work/req2nix.txt"

python3 - "$work" <<'PY'
import sys
work = sys.argv[1]
def read(name):
    rows = {}
    for line in open(f"{work}/{name}.txt", encoding="utf-8"):
        parts = line.split()
        rows[parts[0]] = (parts[1], " ".join(parts[2:]))
    return rows
vendored, source, ours = read("vendored"), read("source"), read("req2nix")
assert source["version"][0] == "26.3", f"expected packaging 26.3 from source, got {source['version'][0]}"
units = {"parse": "versions parsed/s", "sort": "sorts of all 13,791 versions/s", "contains": "contains checks/s"}
print(f"{'measure':<10}{'pip-vendored ' + vendored['version'][0]:>22}{'packaging ' + source['version'][0]:>18}{'req2nix':>16}{'vs 26.3':>10}{'vs ' + vendored['version'][0]:>10}")
for measure, unit in units.items():
    v, s, o = (float(x[measure][0]) for x in (vendored, source, ours))
    print(f"{measure:<10}{v:>22,.0f}{s:>18,.0f}{o:>16,.0f}{o / s:>9.1f}x{o / v:>9.1f}x   {unit}")
print()
for measure in units:
    print(f"check {measure}: 26.3 {source[measure][1]} | req2nix {ours[measure][1]} | {vendored['version'][0]} {vendored[measure][1]}")
    if source[measure][1] != ours[measure][1]:
        print(f"  MISMATCH between packaging 26.3 and req2nix on {measure}", file=sys.stderr)
        sys.exit(1)
PY
