#!/usr/bin/env python3
"""Side by side: req2nix's TOML reader (BenchmarkDotNet) and Python's tomllib on the same files.

Runs bench/Benchmarks' TomlReaderBenchmarks (the largest poetry.lock files of
shared/conformance/poetry-lock), then times tomllib.loads on the same files, and prints both
medians, req2nix's allocation per parse and the ratio tomllib / req2nix.

    python3 bench/toml_vs_tomllib.py            # BenchmarkDotNet's default job
    python3 bench/toml_vs_tomllib.py --quick    # its short job: fewer iterations, rougher figures

Needs Python >= 3.11 (tomllib) and the .NET SDK. REQ2NIX_SHARED overrides where the shared
folder is (default: ../shared beside the repository).
"""
import argparse
import glob
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib

REPOSITORY = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.environ.get("REQ2NIX_SHARED") or os.path.join(os.path.dirname(REPOSITORY), "shared")
CASES = os.path.join(SHARED, "conformance", "poetry-lock", "cases")


def run_benchmarkdotnet(quick: bool) -> dict:
    """Case id -> (median ns, bytes allocated per parse), from BenchmarkDotNet's JSON report."""
    with tempfile.TemporaryDirectory(prefix="toml-bench-") as artifacts:
        command = [
            "dotnet", "run", "-c", "Release", "--project", os.path.join(REPOSITORY, "bench", "Benchmarks"), "--",
            "--filter", "*TomlReaderBenchmarks*", "--exporters", "json", "--artifacts", artifacts,
        ]
        if quick:
            command += ["--job", "short"]
        subprocess.run(command, check=True, stdout=sys.stderr)
        reports = glob.glob(os.path.join(artifacts, "results", "*TomlReaderBenchmarks*.json"))
        if not reports:
            sys.exit("BenchmarkDotNet wrote no JSON report")
        with open(reports[0], encoding="utf-8") as report:
            benchmarks = json.load(report)["Benchmarks"]
    results = {}
    for benchmark in benchmarks:
        # "Parameters" abbreviates long values; "FullName" ends in (Case: "<id>").
        case = re.search(r'Case: "([^"]+)"', benchmark["FullName"]).group(1)
        results[case] = (benchmark["Statistics"]["Median"], benchmark["Memory"]["BytesAllocatedPerOperation"])
    return results


def time_tomllib(path: str) -> float:
    """Median seconds of tomllib.loads on the file's text (decoding included, as req2nix reads bytes)."""
    data = open(path, "rb").read()
    tomllib.loads(data.decode("utf-8"))
    samples = []
    deadline = time.perf_counter() + 3.0
    while time.perf_counter() < deadline or len(samples) < 15:
        start = time.perf_counter()
        tomllib.loads(data.decode("utf-8"))
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="BenchmarkDotNet's short job")
    arguments = parser.parse_args()

    dotnet = run_benchmarkdotnet(arguments.quick)
    print(f"{'poetry.lock case':<28} {'size':>9} {'req2nix':>10} {'allocated':>10} {'tomllib':>10} {'tomllib/req2nix':>16}")
    for case, (median_ns, allocated) in sorted(dotnet.items(), key=lambda item: -os.path.getsize(os.path.join(CASES, item[0], "poetry.lock"))):
        path = os.path.join(CASES, case, "poetry.lock")
        python_seconds = time_tomllib(path)
        print(f"{case:<28} {os.path.getsize(path) / 1024:>6.0f} KB {median_ns / 1e6:>7.2f} ms {allocated / 1024 / 1024:>7.2f} MB"
              f" {python_seconds * 1e3:>7.1f} ms {python_seconds / (median_ns / 1e9):>15.0f}x")
    print(f"(Python {sys.version.split()[0]}; medians; allocation is per parse, measured by BenchmarkDotNet's MemoryDiagnoser)")


if __name__ == "__main__":
    main()
