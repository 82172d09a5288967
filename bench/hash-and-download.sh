#!/usr/bin/env bash
# Side-by-side timing of the PyPI client's hashing and downloading, in one run:
#  1. sha256 of a file (1 GiB by default) with the client's streaming hasher, against
#     `openssl speed -evp sha256 -bytes 1048576` (in-memory ceiling), `openssl dgst -sha256 FILE`
#     and coreutils' `sha256sum FILE` (best of 3 each; the file is in the page cache for all);
#  2. concurrent download+hash of every wheel of the first PROJECTS projects of the shared mirror
#     from the loopback fixture index (in the benchmark's process), beside a bare HttpClient that
#     only reads the same files; then the same for 24 random files of 16 MiB (the mirror's files
#     are 1–2 kB stand-ins, so the first measures per-request cost, the second throughput);
#  3. the client's PEP 691 page reader on the mirror's largest page, against a JsonNode DOM.
#
#   bench/hash-and-download.sh [FILE_MIB=1024] [PROJECTS=100] [CONCURRENCY=16]
#
# The shared mirror is built on first use (MirrorBuilder; needs ../shared/pypi-mirror and python3).
# BenchmarkDotNet gives the detailed numbers for the hasher:
#   dotnet run -c Release --project bench/Benchmarks -- --filter '*Hash*'
set -euo pipefail
cd "$(dirname "$0")/.."

mib="${1:-1024}"
projects="${2:-100}"
concurrency="${3:-16}"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
file="$work/data.bin"
head -c "$((mib * 1024 * 1024))" /dev/urandom >"$file"

dotnet build bench/Benchmarks -c Release -v quiet -nologo >/dev/null
bench=(dotnet bench/Benchmarks/bin/Release/net10.0/Req2Nix.Benchmarks.dll)

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(openssl version | cut -d' ' -f1-2), $(sha256sum --version | head -1), dotnet $(dotnet --version)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo

"${bench[@]}" hash-file "$file" 5 >"$work/req2nix.txt"
# openssl speed divides by CPU time unless told -elapsed: both are shown (they agree on an idle machine).
openssl speed -evp sha256 -bytes 1048576 -seconds 3 2>/dev/null | awk '/^sha256/ { sub(/k$/, "", $2); print $2 * 1000 / 1e6 }' >"$work/openssl-speed.txt"
openssl speed -elapsed -evp sha256 -bytes 1048576 -seconds 3 2>/dev/null | awk '/^sha256/ { sub(/k$/, "", $2); print $2 * 1000 / 1e6 }' >"$work/openssl-speed-elapsed.txt"

python3 - "$file" "$work" <<'PY'
import os, resource, subprocess, sys, time
path, work = sys.argv[1], sys.argv[2]
size = os.path.getsize(path)

def children_cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime

def best_of(command, runs=3):
    """Best wall-clock and best CPU-time (user + system) rate of a command over a few runs."""
    best, best_cpu, digest = None, None, None
    subprocess.run(command, check=True, capture_output=True)  # warm-up
    for _ in range(runs):
        cpu, started = children_cpu(), time.perf_counter()
        out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
        elapsed, used = time.perf_counter() - started, children_cpu() - cpu
        best = elapsed if best is None else min(best, elapsed)
        best_cpu = used if best_cpu is None else min(best_cpu, used)
        digest = out.split()[-1] if "=" in out else out.split()[0]
    return size / best / 1e6, size / best_cpu / 1e6, digest

rows = {}
for line in open(f"{work}/req2nix.txt"):
    name, rate, _, digest = line.split()
    rows[name] = (float(rate), digest)
speed = float(open(f"{work}/openssl-speed.txt").read())
speed_elapsed = float(open(f"{work}/openssl-speed-elapsed.txt").read())
dgst = best_of(["openssl", "dgst", "-sha256", path])
coreutils = best_of(["sha256sum", path])

print(f"sha256 of a {size / 2**20:.0f} MiB file (MB/s = 10^6 bytes/s)")
print(f"{'':44}{'MB/s':>8}{'vs openssl speed':>18}{'vs -elapsed':>13}")
def row(name, rate):
    print(f"{name:44}{rate:>8.0f}{rate / speed:>17.2f}x{rate / speed_elapsed:>12.2f}x")
row("openssl speed -evp sha256 (memory, CPU time)", speed)
row("openssl speed -elapsed (memory, wall time)", speed_elapsed)
row("req2nix streaming hasher (file, wall time)", rows["streaming"][0])
row("req2nix streaming hasher (file, CPU time)", rows["streaming-cpu"][0])
row("req2nix IncrementalHash (memory, wall time)", rows["in-memory"][0])
row("openssl dgst -sha256 (file, wall time)", dgst[0])
row("openssl dgst -sha256 (file, CPU time)", dgst[1])
row("sha256sum (file, wall time)", coreutils[0])
row("sha256sum (file, CPU time)", coreutils[1])
digests = {rows["streaming"][1], dgst[2], coreutils[2]}
print(f"digests agree: {'yes' if len(digests) == 1 else 'NO: ' + ' '.join(digests)}")
if len(digests) != 1:
    sys.exit(1)
PY
echo
"${bench[@]}" download-hash "$projects" "$concurrency" 3
echo
"${bench[@]}" download-hash-large 24 16 "$concurrency" 3
echo
"${bench[@]}" page-parse
echo
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
