"""Times Python's packaging on the PEP 508 workload exported by the benchmark exe.

Usage: PYTHONPATH=PACKAGING_SRC python3 pep508_packaging_timing.py WORKLOAD.json SECONDS

Prints one line per measure, "<measure> <operations per second> <check>", the format of the exe's
pep508-quick mode: parse = Requirement(line) per second over every Requires-Dist line;
evaluate = Marker.evaluate(environment) per second over their markers on x86_64-linux (the two
`implementation_name === "pypy"` markers raise UndefinedComparison and are counted as raised);
evaluate-4 = markers per second evaluated on all four Nix systems (four evaluate() calls each).
"""
import json
import sys
import time

from packaging import __version__
from packaging.markers import UndefinedComparison
from packaging.requirements import InvalidRequirement, Requirement


def main() -> None:
    workload_path, seconds = sys.argv[1], float(sys.argv[2])
    print(f"version {__version__}")
    with open(workload_path, encoding="utf-8") as f:
        workload = json.load(f)
    lines = workload["lines"]
    environments = workload["environments"]
    linux = environments[0]
    markers = []
    for line in lines:
        try:
            requirement = Requirement(line)
        except InvalidRequirement:
            continue
        if requirement.marker is not None:
            markers.append(requirement.marker)

    def parse_pass():
        valid = 0
        for line in lines:
            try:
                Requirement(line)
                valid += 1
            except InvalidRequirement:
                pass
        return f"valid={valid}"

    def evaluate_pass():
        holds = raised = 0
        for marker in markers:
            try:
                if marker.evaluate(linux):
                    holds += 1
            except UndefinedComparison:
                raised += 1
        return f"true={holds} raised={raised}"

    def evaluate_systems_pass():
        holds = raised = 0
        for marker in markers:
            for environment in environments:
                try:
                    if marker.evaluate(environment):
                        holds += 1
                except UndefinedComparison:
                    raised += 1
        return f"true={holds} raised={raised}"

    for name, operations, run in (
        ("parse", len(lines), parse_pass),
        ("evaluate", len(markers), evaluate_pass),
        ("evaluate-4", len(markers), evaluate_systems_pass),
    ):
        best, check = measure(seconds, run)
        print(f"{name} {operations / best:.0f} {check}", flush=True)


def measure(seconds, run):
    """Best pass after a warm-up, repeated for about `seconds` (at least three passes)."""
    check = run()
    best = float("inf")
    passes = 0
    started = time.perf_counter()
    while passes < 3 or time.perf_counter() - started < seconds:
        begin = time.perf_counter()
        check = run()
        best = min(best, time.perf_counter() - begin)
        passes += 1
    return best, check


if __name__ == "__main__":
    main()
