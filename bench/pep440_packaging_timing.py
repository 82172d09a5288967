"""Times Python's packaging on the PEP 440 workload exported by the benchmark exe.

Usage: python3 pep440_packaging_timing.py WORKLOAD.json SECONDS (vendored|source)
  vendored: pip's vendored copy (pip._vendor.packaging), the one installed here
  source:   `packaging` from sys.path (put a packaging source tree's src/ on PYTHONPATH)

Prints one line per measure, "<measure> <operations per second> <check>", the format of the
exe's pep440-quick mode: parse = version strings parsed per second, sort = sorts of every
version per second, contains = SpecifierSet.contains(Version) checks per second.
"""
import json
import sys
import time


def main() -> None:
    workload_path, seconds, flavour = sys.argv[1], float(sys.argv[2]), sys.argv[3]
    if flavour == "vendored":
        from pip._vendor.packaging import __version__
        from pip._vendor.packaging.specifiers import SpecifierSet
        from pip._vendor.packaging.version import InvalidVersion, Version
    else:
        from packaging import __version__
        from packaging.specifiers import SpecifierSet
        from packaging.version import InvalidVersion, Version
    print(f"version {__version__}")

    with open(workload_path, encoding="utf-8") as f:
        workload = json.load(f)
    texts = workload["versions"]
    parsed_by_project = {name: [Version(v) for v in versions] for name, versions in workload["projects"].items()}
    checks = [(SpecifierSet(spec), parsed_by_project[project]) for spec, project in workload["requirements"]]
    versions = [Version(t) for t in texts]
    check_count = sum(len(candidates) for _, candidates in checks)

    def parse_pass():
        valid = 0
        for text in texts:
            try:
                Version(text)
                valid += 1
            except InvalidVersion:
                pass
        return f"valid={valid}"

    def sort_pass():
        ordered = sorted(versions)
        return f"versions={len(ordered)} last={ordered[-1]}"

    def contains_pass():
        matches = 0
        for specifier_set, candidates in checks:
            contains = specifier_set.contains
            for version in candidates:
                if contains(version):
                    matches += 1
        return f"matches={matches}"

    for name, operations, run in (("parse", len(texts), parse_pass), ("sort", 1, sort_pass), ("contains", check_count, contains_pass)):
        best, check = measure(seconds, run)
        print(f"{name} {operations / best:.0f} {check}", flush=True)


def measure(seconds, run):
    """Best pass after a warm-up, repeated for about `seconds` (at least two passes)."""
    check = run()
    best = float("inf")
    passes = 0
    started = time.perf_counter()
    while passes < 2 or time.perf_counter() - started < seconds:
        begin = time.perf_counter()
        check = run()
        best = min(best, time.perf_counter() - begin)
        passes += 1
    return best, check


if __name__ == "__main__":
    main()
