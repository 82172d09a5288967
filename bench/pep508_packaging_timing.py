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

from packaging import __version__
from packaging.markers import UndefinedComparison
from packaging.requirements import InvalidRequirement, Requirement

# The stopwatch of the PEP 440 timing script beside this one (best pass of several).
from pep440_packaging_timing import measure


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

    def evaluate_pass(on):
        def run():
            holds = raised = 0
            for marker in markers:
                for environment in on:
                    try:
                        if marker.evaluate(environment):
                            holds += 1
                    except UndefinedComparison:
                        raised += 1
            return f"true={holds} raised={raised}"

        return run

    for name, operations, run in (
        ("parse", len(lines), parse_pass),
        ("evaluate", len(markers), evaluate_pass([linux])),
        ("evaluate-4", len(markers), evaluate_pass(environments)),
    ):
        best, check = measure(seconds, run)
        print(f"{name} {operations / best:.0f} {check}", flush=True)


if __name__ == "__main__":
    main()
