#!/usr/bin/env bash
# Side-by-side timing of PEP 508 requirements and markers against packaging 26.3, on the same
# workload in the same run: every Requires-Dist line of shared/pypi-mirror/universe (102,903; parse)
# and their markers (54,967; evaluated for CPython 3.11 on x86_64-linux, and on all four Nix systems).
#
#   bench/pep508-vs-packaging.sh PATH_TO_PACKAGING_26_3_SOURCE [SECONDS_PER_MEASURE]
#
# PATH is a checkout of pypa/packaging at tag 26.3 (its src/ goes on PYTHONPATH). req2nix is timed by
# the benchmark exe's quick mode (stopwatch, best of several passes, like the Python side);
# BenchmarkDotNet gives the detailed numbers and allocations:
#   dotnet run -c Release --project bench/Benchmarks -- --filter '*Pep508*'
set -euo pipefail
cd "$(dirname "$0")/.."

packaging_src="${1:?usage: $0 PATH_TO_PACKAGING_26_3_SOURCE [SECONDS_PER_MEASURE]}"
seconds="${2:-3}"
if [[ -d "$packaging_src/src/packaging" ]]; then packaging_src="$packaging_src/src"; fi
test -f "$packaging_src/packaging/markers.py" || { echo "no packaging sources under $packaging_src" >&2; exit 2; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

dotnet build bench/Benchmarks -c Release -v quiet -nologo >/dev/null
bench=(dotnet bench/Benchmarks/bin/Release/net10.0/Req2Nix.Benchmarks.dll)
"${bench[@]}" pep508-export "$work/workload.json"

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(python3 --version), dotnet $(dotnet --version)"
echo "timing: best pass of >= 3 after a warm-up, about ${seconds}s per measure"

PYTHONPATH="$packaging_src" python3 bench/pep508_packaging_timing.py "$work/workload.json" "$seconds" >"$work/packaging.txt"
"${bench[@]}" pep508-quick "$seconds" >"$work/req2nix.txt"

python3 - "$work" <<'PY'
import sys
work = sys.argv[1]
def read(name):
    rows = {}
    for line in open(f"{work}/{name}.txt", encoding="utf-8"):
        parts = line.split()
        rows[parts[0]] = (parts[1], " ".join(parts[2:]))
    return rows
packaging, ours = read("packaging"), read("req2nix")
assert packaging["version"][0] == "26.3", f"expected packaging 26.3 from source, got {packaging['version'][0]}"
units = {
    "parse": "requirements parsed/s (102,903 Requires-Dist lines)",
    "evaluate": "markers evaluated/s (x86_64-linux, CPython 3.11)",
    "evaluate-4": "markers evaluated/s on all 4 Nix systems",
}
print(f"{'measure':<12}{'packaging 26.3':>16}{'req2nix':>14}{'ratio':>9}")
failed = False
for measure, unit in units.items():
    theirs, mine = float(packaging[measure][0]), float(ours[measure][0])
    print(f"{measure:<12}{theirs:>16,.0f}{mine:>14,.0f}{mine / theirs:>8.1f}x   {unit}")
    if packaging[measure][1] != ours[measure][1]:
        print(f"  MISMATCH on {measure}: packaging 26.3 {packaging[measure][1]}, req2nix {ours[measure][1]}", file=sys.stderr)
        failed = True
print()
for measure in units:
    print(f"check {measure}: packaging 26.3 {packaging[measure][1]} | req2nix {ours[measure][1]}")
sys.exit(1 if failed else 0)
PY
