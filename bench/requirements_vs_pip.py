#!/usr/bin/env python3
"""Side by side: req2nix's requirements-file reader (BenchmarkDotNet) and pip 23.2.1's own parser on the same files.

Runs bench/Benchmarks' RequirementsParserBenchmarks (the largest files of
shared/conformance/requirements-txt; Read = file read, decoding, lines, options and what pip's
constructors make of each requirement; ReadAndConvert = that plus the resolver's Manifest), then
times, in this process, pip's `pip._internal.req.req_file.parse_requirements` on the same files
(the file layer only) and that followed by `install_req_from_parsed_requirement` for each
requirement (what req2nix's Read also does), and prints the medians and the ratios.

    python3 bench/requirements_vs_pip.py            # BenchmarkDotNet's default job
    python3 bench/requirements_vs_pip.py --quick    # its short job: fewer iterations, rougher figures

Needs the .NET SDK and pip 23.2.1 importable by this Python. REQ2NIX_SHARED overrides where the
shared folder is (default: ../shared beside the repository).
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

import pip
from pip._internal.network.session import PipSession
from pip._internal.req.constructors import install_req_from_parsed_requirement
from pip._internal.req.req_file import parse_requirements

REPOSITORY = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.environ.get("REQ2NIX_SHARED") or os.path.join(os.path.dirname(REPOSITORY), "shared")
FILES = os.path.join(SHARED, "conformance", "requirements-txt", "files")


def run_benchmarkdotnet(quick: bool) -> dict:
    """(method, file) -> (median ns, bytes allocated per operation), from BenchmarkDotNet's JSON report."""
    with tempfile.TemporaryDirectory(prefix="requirements-bench-") as artifacts:
        command = [
            "dotnet", "run", "-c", "Release", "--project", os.path.join(REPOSITORY, "bench", "Benchmarks"), "--",
            "--filter", "*RequirementsParserBenchmarks*", "--exporters", "json", "--artifacts", artifacts,
        ]
        if quick:
            command += ["--job", "short"]
        subprocess.run(command, check=True, stdout=sys.stderr)
        reports = glob.glob(os.path.join(artifacts, "results", "*RequirementsParserBenchmarks*.json"))
        if not reports:
            sys.exit("BenchmarkDotNet wrote no JSON report")
        with open(reports[0], encoding="utf-8") as report:
            benchmarks = json.load(report)["Benchmarks"]
    results = {}
    for benchmark in benchmarks:
        # "Parameters" abbreviates long values; "FullName" ends in (File: "<path>").
        file = re.search(r'File: "([^"]+)"', benchmark["FullName"]).group(1)
        results[(benchmark["Method"], file)] = (benchmark["Statistics"]["Median"], benchmark["Memory"]["BytesAllocatedPerOperation"])
    return results


def median_seconds(action) -> float:
    """Median of at least 15 runs and 3 s, after one warm-up run."""
    action()
    samples = []
    deadline = time.perf_counter() + 3.0
    while time.perf_counter() < deadline or len(samples) < 15:
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def time_pip(file: str) -> tuple:
    """pip's file layer alone, and with install requirements built; both from the repository's folder, as the corpus was made."""
    path = os.path.join(FILES, file)
    session = PipSession()
    previous = os.getcwd()
    os.chdir(os.path.join(FILES, file.split("/")[0]))
    try:
        parsed = median_seconds(lambda: list(parse_requirements(path, session)))
        built = median_seconds(lambda: [install_req_from_parsed_requirement(r) for r in parse_requirements(path, session)])
        count = len(list(parse_requirements(path, session)))
    finally:
        os.chdir(previous)
    return parsed, built, count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="BenchmarkDotNet's short job")
    arguments = parser.parse_args()
    if pip.__version__ != "23.2.1":
        sys.exit(f"expected pip 23.2.1, found {pip.__version__}")

    dotnet = run_benchmarkdotnet(arguments.quick)
    files = sorted({file for _, file in dotnet}, key=lambda file: -os.path.getsize(os.path.join(FILES, file)))
    print(f"{'file':<48} {'size':>7} {'reqs':>5} {'req2nix Read':>13} {'alloc':>9} {'+Manifest':>10}"
          f" {'pip parse':>10} {'ratio':>7} {'pip +ireq':>10} {'ratio':>7}")
    for file in files:
        read_ns, read_bytes = dotnet[("Read", file)]
        convert_ns, _ = dotnet[("ReadAndConvert", file)]
        parsed, built, count = time_pip(file)
        print(f"{file:<48} {os.path.getsize(os.path.join(FILES, file)) / 1024:>4.0f} KB {count:>5}"
              f" {read_ns / 1e6:>10.3f} ms {read_bytes / 1024:>6.0f} KB {convert_ns / 1e6:>7.3f} ms"
              f" {parsed * 1e3:>7.1f} ms {parsed / (read_ns / 1e9):>6.0f}x {built * 1e3:>7.1f} ms {built / (read_ns / 1e9):>6.0f}x")
    print(f"(pip {pip.__version__}, Python {sys.version.split()[0]}; medians; ratio = pip / req2nix Read;"
          f" allocation is per Read, measured by BenchmarkDotNet's MemoryDiagnoser; load average {os.getloadavg()[0]:.1f})")


if __name__ == "__main__":
    main()
