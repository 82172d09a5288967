#!/usr/bin/env python3
"""Randomized differential sweep: req2nix's resolver against pip 23.2 on generated requirement sets.

The hand-written cases of tests/Resolver.Tests/Differential only find what their author thought of.
This script generates requirement sets at random from the shared mirror's real data, resolves each
with pip and with the req2nix command against the mirror served on loopback, and reports every set
on which they disagree.

    bench/differential-sweep.py [--seed N] [--count N] [--jobs N] [--mirror DIR] [--out DIR]
    bench/differential-sweep.py --case FOLDER [--case FOLDER ...]     # re-run saved sets

  --seed N      first seed of the generator (default 1); set i of a run uses seed N and index i
  --count N     how many sets to generate (default 50)
  --jobs N      sets resolved at once (default 2; each runs pip, then req2nix)
  --mirror DIR  a mirror folder in mkindex.py's layout: reused when it holds MANIFEST.json, else
                built there (python3 ../shared/pypi-mirror/mkindex.py --out DIR) and kept; without
                it the mirror is built into a temporary folder and removed at the end
  --out DIR     where disagreements are written (default: differential-sweep-out)
  --case DIR    resolve a saved set (a folder with requirements.txt, optional constraints.txt and
                pip-args.txt, as tests/Resolver.Tests/Differential/cases/* and the folders this
                script writes) instead of generating; repeatable
  --timeout S   seconds one pip or req2nix run may take (default 120); a set that times out is
                counted apart, neither agreement nor disagreement
  --no-build    do not run `dotnet build` on src/Cli and fixtures/FixtureIndex first

What a set varies, from the mirror's real data (its pypi/{name}/json and pypi/{name}/{v}/json):
1-40 roots (mostly few), in half the sets drawn from the roots of the hand-written satisfiable
cases (projects known to resolve), else from the whole mirror; projects that exist under varied spellings of their name (case, `-`,
`_`, `.`) and a few that do not (404: names other releases depend on but the mirror lacks, or
invented); specifiers built from the project's real versions (`>=`, `>`, `<`, `<=`, `==`, `!=`,
`~=`, `==X.*`, `!=X.*`, now and then `===`, and two of them combined; half the time on a release
the mirror yanks or gives a Requires-Python, where a project has one); extras from the project's real Provides-Extra
(and now and then one it does not provide); markers on the requirement (`python_version`,
`sys_platform`, `platform_machine`, combined with `and`/`or`); a `-c` constraints file (rarely with
extras, which pip 23.2 refuses); `--pre`;
and the same project required twice with different specifiers or extras.

Each set is resolved as tests/Resolver.Tests/Differential does: pip runs
`python3 -m pip install --dry-run --ignore-installed --only-binary=:all: --no-cache-dir --report R.json
--index-url URL -r requirements.txt [-c constraints.txt] [--pre]` with every PIP_* variable removed
and PIP_CONFIG_FILE=/dev/null (CPython 3.11 on Linux x86_64: the interpreter running it); req2nix
runs `req2nix.dll -i URL --python 3.11 --system x86_64-linux --cache-dir EMPTY --report R.json
-o out.nix cmdline.txt`, where cmdline.txt holds pip's command line as requirements-file lines
(`-r requirements.txt`, `-c constraints.txt`, `--only-binary=:all:`, `--pre`), as the test
harness's PipCommandLine does, so both take binary files only.

Outcomes: resolved (pins: normalized name==version), no solution (pip: ResolutionImpossible, "No
matching distribution found", "requires a different Python", ResolutionTooDeep; req2nix: exit 1), input rejected
(pip: any other failure; req2nix: exit 2), or another failure. Two outcomes agree when both
resolve to the same pins, both find no solution, or both reject the input. Every disagreement
is written to OUT/<seed>-<index>-<kind>/ (requirements.txt, constraints.txt, pip-args.txt, and
pip.txt / req2nix.txt with each side's outcome and messages): the folder can be copied into
tests/Resolver.Tests/Differential/cases/ as it is. OUT/sets.tsv lists every set's outcome (label, lines, pip's outcome, pins, seconds, req2nix's, the
verdict, and the line of each side's message that says why it failed).

Python 3 standard library only. Needs the .NET SDK and pip 23.2 for python3.
"""
import argparse
import concurrent.futures
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

REPOSITORY = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.environ.get("REQ2NIX_SHARED", os.path.join(os.path.dirname(REPOSITORY), "shared"))
CLI = os.path.join(REPOSITORY, "src", "Cli", "bin", "Release", "net10.0", "req2nix.dll")
SERVER = os.path.join(REPOSITORY, "fixtures", "FixtureIndex", "bin", "Release", "net10.0", "req2nix-fixture-index.dll")

# pip's failures that mean "no solution" (as PipRunner.cs reads them).
PIP_NO_SOLUTION = ("ResolutionImpossible", "No matching distribution found", "requires a different Python", "ResolutionTooDeep")


def normalize(name):
    return re.sub(r"[-_.]+", "-", name).lower()


# ---------------------------------------------------------------------------------------------
# What the mirror offers


class Project:
    def __init__(self, name, versions, extras, special):
        self.name = name  # the display name
        self.versions = versions  # version strings, as the index lists them
        self.extras = extras  # every Provides-Extra of any release, sorted
        self.special = special  # versions yanked or with a Requires-Python


class Universe:
    def __init__(self, projects, missing, resolvable):
        self.projects = projects  # sorted by normalized name
        self.by_name = {normalize(p.name): p for p in projects}
        self.missing = missing  # names dependents require that the mirror does not have
        self.resolvable = [self.by_name[name] for name in resolvable if name in self.by_name]

    @staticmethod
    def read(mirror):
        pypi = os.path.join(mirror, "pypi")
        projects = []
        required = set()
        for folder in sorted(os.listdir(pypi)):
            with open(os.path.join(pypi, folder, "json"), encoding="utf-8") as stream:
                document = json.load(stream)
            extras = set()
            special = [version for version, files in document["releases"].items()
                       if any(file.get("yanked") or file.get("requires_python") for file in files)]
            for version in document["releases"]:
                path = os.path.join(pypi, folder, version, "json")
                if not os.path.exists(path):
                    continue
                with open(path, encoding="utf-8") as stream:
                    info = json.load(stream)["info"]
                extras.update(info.get("provides_extra") or [])
                for line in info.get("requires_dist") or []:
                    match = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)", line)
                    if match:
                        required.add(normalize(match.group(1)))
            projects.append(Project(document["info"]["name"], list(document["releases"]), sorted(extras), special))
        present = {normalize(p.name) for p in projects}
        return Universe(projects, sorted(required - present), resolvable_roots())


def resolvable_roots():
    """The roots of the hand-written satisfiable cases: projects whose newest releases resolve on the mirror."""
    cases = os.path.join(REPOSITORY, "tests", "Resolver.Tests", "Differential", "cases")
    names = set()
    for case in sorted(os.listdir(cases)) if os.path.isdir(cases) else []:
        if not case.startswith("s"):
            continue
        for line in read_lines(os.path.join(cases, case, "requirements.txt")) or []:
            match = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)", line)
            if match and not line.lstrip().startswith(("#", "-")):
                names.add(normalize(match.group(1)))
    return sorted(names)


# ---------------------------------------------------------------------------------------------
# Generating requirement sets


def release_of(version):
    """The leading release numbers of a version string ('1.2.3rc1' -> [1, 2, 3]), or None."""
    match = re.match(r"^(?:\d+!)?(\d+(?:\.\d+)*)", version)
    return [int(part) for part in match.group(1).split(".")] if match else None


class Generator:
    def __init__(self, universe, rng):
        self.universe = universe
        self.rng = rng
        # How many roots carry a specifier varies by set: each can exclude every release that
        # resolves, so sets with many roots need few for a solution to remain.
        self.specified = rng.choice([0.1, 0.25, 0.55])

    def spelling(self, name):
        """The name as a user might write it: mostly as the index does, else with its case or separators changed."""
        r = self.rng.random()
        if r < 0.7:
            return name
        if r < 0.8:
            return name.lower()
        if r < 0.87:
            return name.upper()
        separator = self.rng.choice(["-", "_", "."])
        return re.sub(r"[-_.]", separator, name)

    def clause(self, project):
        versions = project.versions
        version = self.rng.choice(project.special if project.special and self.rng.random() < 0.5 else versions)
        release = release_of(version) or [0]
        operator = self.rng.choice([">=", ">=", "<", "<=", "==", "!=", "~=", "==*", "!=*", ">"] + (["==="] if self.rng.random() < 0.1 else []))
        if operator == "~=":
            if len(release) < 2:
                release = release + [0]
            cut = self.rng.randint(2, len(release))
            return "~=" + ".".join(str(part) for part in release[:cut])
        if operator in ("==*", "!=*"):
            cut = self.rng.randint(1, min(2, len(release)))
            return operator[:2] + ".".join(str(part) for part in release[:cut]) + ".*"
        return operator + version

    def specifier(self, project):
        if self.rng.random() >= self.specified:
            return ""
        r = self.rng.random()
        if r < 0.65:
            return self.clause(project)
        # Two clauses, mostly a range that holds versions (a lower bound below an upper one, or a
        # bound and an exclusion); now and then two drawn independently, which may exclude all.
        if r > 0.95:
            return self.clause(project) + "," + self.clause(project)
        versions = project.versions
        low, high = sorted(self.rng.sample(range(len(versions)), 2)) if len(versions) > 1 else (0, 0)
        shape = self.rng.choice(["range", "range-inclusive", "exclude", "compatible-exclude", "prefix-exclude"])
        if shape == "range":
            return f">={versions[low]},<{versions[high]}"
        if shape == "range-inclusive":
            return f">{versions[low]},<={versions[high]}"
        if shape == "exclude":
            return f">={versions[low]},!={self.rng.choice(versions)}"
        release = release_of(versions[low]) or [0]
        if shape == "compatible-exclude":
            return f"~={'.'.join(str(part) for part in (release + [0])[:2])},!={self.rng.choice(versions)}"
        return f"=={release[0]}.*,!={self.rng.choice(versions)}"

    def constraint(self, project):
        """Mostly a bound or an exclusion, the way constraints files narrow; now and then a pin."""
        version = self.rng.choice(project.versions)
        operator = self.rng.choice(["<", "<", ">=", ">=", "!=", "!=", "<=", "==", "~="])
        if operator == "~=":
            release = (release_of(version) or [0]) + [0]
            return "~=" + ".".join(str(part) for part in release[:2])
        return operator + version

    def extras(self, project):
        if not project.extras or self.rng.random() < 0.7:
            if self.rng.random() < 0.02:
                return "[no-such-extra]"
            return ""
        chosen = self.rng.sample(project.extras, self.rng.randint(1, min(2, len(project.extras))))
        return "[" + ",".join(chosen) + "]"

    def marker(self):
        if self.rng.random() < 0.8:
            return ""
        atoms = [
            lambda: f'python_version {self.rng.choice(["<", ">=", "==", "!=", ">", "<="])} "{self.rng.choice(["2.7", "3.6", "3.8", "3.10", "3.11", "3.12"])}"',
            lambda: f'sys_platform {self.rng.choice(["==", "!="])} "{self.rng.choice(["linux", "win32", "darwin"])}"',
            lambda: f'platform_machine {self.rng.choice(["==", "!="])} "{self.rng.choice(["x86_64", "aarch64", "arm64", "AMD64"])}"',
        ]
        text = self.rng.choice(atoms)()
        if self.rng.random() < 0.3:
            text += f" {self.rng.choice(['and', 'or'])} {self.rng.choice(atoms)()}"
        return " ; " + text

    def requirement(self, project):
        specifier = self.specifier(project)
        line = self.spelling(project.name) + self.extras(project)
        if specifier:
            line += self.rng.choice(["", " "]) + specifier
        return line + self.marker()

    def missing_requirement(self):
        if self.rng.random() < 0.8 and self.universe.missing:
            name = self.rng.choice(self.universe.missing)
        else:
            name = "req2nix-sweep-absent-" + str(self.rng.randint(0, 999))
        return name + (self.rng.choice(["", ">=1.0", "<3"]))

    def generate(self):
        """(requirements lines, constraints lines or None, pip arguments)."""
        size = self.rng.choice([self.rng.randint(1, 5)] * 5 + [self.rng.randint(6, 15)] * 3 + [self.rng.randint(16, 40)] * 2)
        # Half the sets draw their roots from projects known to resolve (so that more sets resolve,
        # with backtracking when their specifiers bite), half from the whole mirror.
        pool = self.universe.resolvable if self.universe.resolvable and self.rng.random() < 0.5 else self.universe.projects
        projects = self.rng.sample(pool, min(size, len(pool)))
        if self.rng.random() < 0.1:
            # Releases that are yanked or need a Python of their own (the mirror's overlay).
            projects[0] = self.rng.choice([project for project in self.universe.projects if project.special])
        lines = [self.requirement(project) for project in projects]
        if self.rng.random() < 0.08:
            lines[self.rng.randrange(len(lines))] = self.missing_requirement()
        if self.rng.random() < 0.15:
            for project in self.rng.sample(projects, self.rng.randint(1, min(2, len(projects)))):
                lines.insert(self.rng.randint(0, len(lines)), self.requirement(project))
        constraints = None
        if self.rng.random() < 0.2:
            constrained = self.rng.sample(self.universe.projects, self.rng.randint(1, 6))
            constrained += self.rng.sample(projects, min(len(projects), self.rng.randint(0, 2)))
            constraints = []
            for project in constrained:
                clause = self.constraint(project)
                extras = self.extras(project) if self.rng.random() < 0.03 else ""
                constraints.append(self.spelling(project.name) + extras + clause + (self.marker() if self.rng.random() < 0.5 else ""))
        arguments = ["--pre"] if self.rng.random() < 0.15 else []
        return lines, constraints, arguments


# ---------------------------------------------------------------------------------------------
# Running pip and req2nix


class Outcome:
    def __init__(self, kind, pins=None, message="", seconds=0.0):
        self.kind = kind  # resolved | no-solution | rejected | error | timeout
        self.pins = pins or []
        self.message = message
        self.seconds = seconds

    def reason(self):
        """The line of a failure's message that says why (pip's ERROR line, req2nix's error), for sets.tsv."""
        lines = [line.strip() for line in self.message.splitlines() if line.strip()]
        chosen = [line for line in lines if line.startswith(("ERROR:", "req2nix: error:")) or "InvalidRequirement:" in line]
        return (chosen[-1] if chosen else lines[-1] if lines and self.kind != "resolved" else "")[:300].replace("\t", " ")

    def describe(self):
        head = f"{self.kind}" + (f": {len(self.pins)} pins" if self.kind == "resolved" else "") + f" in {self.seconds:.1f} s"
        return head + "\n" + "\n".join(self.pins) + ("\n\n" + self.message if self.message else "") + "\n"


def run(arguments, environment, timeout, cwd):
    start = time.monotonic()
    process = subprocess.Popen(arguments, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=environment, cwd=cwd, start_new_session=True)
    try:
        output, error = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        return None, "", "", time.monotonic() - start
    return process.returncode, output.decode(errors="replace"), error.decode(errors="replace"), time.monotonic() - start


def pip_environment():
    environment = {key: value for key, value in os.environ.items() if not key.startswith("PIP_")}
    environment["PIP_CONFIG_FILE"] = "/dev/null"
    environment["PYTHONDONTWRITEBYTECODE"] = "1"
    return environment


def run_pip(folder, url, constraints, arguments, timeout):
    report = os.path.join(folder, "pip-report.json")
    command = [sys.executable, "-m", "pip", "install", "--dry-run", "--ignore-installed", "--only-binary=:all:", "--no-cache-dir",
               "--disable-pip-version-check", "--quiet", "--report", report, "--index-url", url, "-r", "requirements.txt"]
    if constraints:
        command += ["-c", "constraints.txt"]
    command += arguments
    code, _, error, seconds = run(command, pip_environment(), timeout, folder)
    if code is None:
        return Outcome("timeout", seconds=seconds)
    if code != 0:
        kind = "no-solution" if any(text in error for text in PIP_NO_SOLUTION) else "rejected"
        return Outcome(kind, message=error.strip(), seconds=seconds)
    with open(report, encoding="utf-8") as stream:
        document = json.load(stream)
    pins = sorted(f"{normalize(item['metadata']['name'])}=={item['metadata']['version']}" for item in document["install"])
    return Outcome("resolved", pins, error.strip(), seconds)


def run_req2nix(folder, url, constraints, arguments, timeout):
    lines = ["-r requirements.txt"] + (["-c constraints.txt"] if constraints else []) + ["--only-binary=:all:"] + arguments
    with open(os.path.join(folder, "cmdline.txt"), "w", encoding="utf-8") as stream:
        stream.write("\n".join(lines) + "\n")
    report = os.path.join(folder, "req2nix-report.json")
    cache = tempfile.mkdtemp(prefix="req2nix-sweep-cache-")
    try:
        command = ["dotnet", CLI, "-q", "-i", url, "--python", "3.11", "--system", "x86_64-linux", "--cache-dir", cache,
                   "--report", report, "-o", os.path.join(folder, "out.nix"), "cmdline.txt"]
        environment = {key: value for key, value in os.environ.items() if not key.startswith("PIP_")}
        code, _, error, seconds = run(command, environment, timeout, folder)
    finally:
        shutil.rmtree(cache, ignore_errors=True)
    if code is None:
        return Outcome("timeout", seconds=seconds)
    if code == 0:
        with open(report, encoding="utf-8") as stream:
            document = json.load(stream)
        pins = sorted(f"{normalize(package['name'])}=={package['version']}" for package in document["packages"])
        return Outcome("resolved", pins, error.strip(), seconds)
    kind = {1: "no-solution", 2: "rejected"}.get(code, "error")
    return Outcome(kind, message=f"exit {code}\n{error.strip()}", seconds=seconds)


def compare(pip, ours):
    """None when they agree, else the kind of disagreement; 'timeout' when either timed out."""
    if pip.kind == "timeout" or ours.kind == "timeout":
        return "timeout"
    if pip.kind == ours.kind and (pip.kind != "resolved" or pip.pins == ours.pins):
        return None
    if pip.kind == "resolved" and ours.kind == "resolved":
        return "pins-differ"
    return f"pip-{pip.kind}-req2nix-{ours.kind}"


# ---------------------------------------------------------------------------------------------
# The sweep


class FixtureIndex:
    """The fixture index serving a mirror folder on loopback, no added latency."""

    def __init__(self, mirror):
        self.log = tempfile.TemporaryFile()
        self.process = subprocess.Popen(["dotnet", SERVER, "--root", mirror], stdout=subprocess.PIPE, stderr=self.log, text=True)
        line = self.process.stdout.readline().strip()
        if not line.startswith("http"):
            self.log.seek(0)
            raise SystemExit(f"the fixture index did not start: {self.log.read().decode(errors='replace')}")
        self.url = line

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def write_lines(path, lines):
    with open(path, "w", encoding="utf-8") as stream:
        stream.write("\n".join(lines) + "\n")


def read_lines(path):
    if not os.path.exists(path):
        return None
    with open(path, encoding="utf-8") as stream:
        return [line.rstrip("\n") for line in stream]


def resolve_set(label, requirements, constraints, arguments, url, out, timeout):
    folder = tempfile.mkdtemp(prefix="req2nix-sweep-set-")
    try:
        write_lines(os.path.join(folder, "requirements.txt"), requirements)
        if constraints:
            write_lines(os.path.join(folder, "constraints.txt"), constraints)
        pip = run_pip(folder, url, constraints, arguments, timeout)
        ours = run_req2nix(folder, url, constraints, arguments, timeout)
        kind = compare(pip, ours)
        if kind is not None:
            target = os.path.join(out, f"{label}-{kind}")
            os.makedirs(target, exist_ok=True)
            write_lines(os.path.join(target, "requirements.txt"), requirements)
            if constraints:
                write_lines(os.path.join(target, "constraints.txt"), constraints)
            if arguments:
                write_lines(os.path.join(target, "pip-args.txt"), arguments)
            with open(os.path.join(target, "pip.txt"), "w", encoding="utf-8") as stream:
                stream.write(pip.describe())
            with open(os.path.join(target, "req2nix.txt"), "w", encoding="utf-8") as stream:
                stream.write(ours.describe())
        return label, len(requirements), pip, ours, kind
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--count", type=int, default=50)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--mirror")
    parser.add_argument("--out", default="differential-sweep-out")
    parser.add_argument("--case", action="append", default=[])
    parser.add_argument("--timeout", type=float, default=120)
    parser.add_argument("--no-build", action="store_true")
    options = parser.parse_args()

    if not options.no_build:
        for project in ("src/Cli", "fixtures/FixtureIndex"):
            subprocess.run(["dotnet", "build", project, "-c", "Release"], cwd=REPOSITORY, check=True, stdout=subprocess.DEVNULL)

    temporary_mirror = None
    mirror = options.mirror
    if mirror is None:
        temporary_mirror = tempfile.mkdtemp(prefix="req2nix-sweep-mirror-")
        mirror = temporary_mirror
    if not os.path.exists(os.path.join(mirror, "MANIFEST.json")):
        print(f"building the mirror in {mirror}", file=sys.stderr)
        subprocess.run([sys.executable, os.path.join(SHARED, "pypi-mirror", "mkindex.py"), "--out", mirror], check=True, stdout=subprocess.DEVNULL)
    os.makedirs(options.out, exist_ok=True)

    sets = []
    if options.case:
        for folder in options.case:
            sets.append((os.path.basename(os.path.normpath(folder)), [line for line in read_lines(os.path.join(folder, "requirements.txt"))],
                         read_lines(os.path.join(folder, "constraints.txt")),
                         [line.strip() for line in read_lines(os.path.join(folder, "pip-args.txt")) or [] if line.strip()]))
    else:
        universe = Universe.read(mirror)
        print(f"mirror: {len(universe.projects)} projects, {len(universe.missing)} required but absent", file=sys.stderr)
        for index in range(options.count):
            generator = Generator(universe, random.Random(f"{options.seed}/{index}"))
            sets.append((f"{options.seed}-{index:03d}",) + generator.generate())

    server = FixtureIndex(mirror)
    started = time.monotonic()
    results = []
    lock = threading.Lock()
    try:
        with concurrent.futures.ThreadPoolExecutor(options.jobs) as pool:
            futures = [pool.submit(resolve_set, label, requirements, constraints, arguments, server.url, options.out, options.timeout)
                       for label, requirements, constraints, arguments in sets]
            for future in concurrent.futures.as_completed(futures):
                label, size, pip, ours, kind = future.result()
                with lock:
                    results.append((label, size, pip, ours, kind))
                    print(f"{label}: {size} lines; pip {pip.kind} ({len(pip.pins)}, {pip.seconds:.1f} s), "
                          f"req2nix {ours.kind} ({len(ours.pins)}, {ours.seconds:.1f} s){'' if kind is None else ' -> ' + kind.upper()}",
                          file=sys.stderr, flush=True)
    finally:
        server.stop()
        if temporary_mirror:
            shutil.rmtree(temporary_mirror, ignore_errors=True)

    elapsed = time.monotonic() - started
    results.sort(key=lambda result: result[0])
    with open(os.path.join(options.out, "sets.tsv"), "a", encoding="utf-8") as stream:
        for label, size, pip, ours, kind in results:
            stream.write(f"{label}\t{size}\t{pip.kind}\t{len(pip.pins)}\t{pip.seconds:.1f}\t{ours.kind}\t{len(ours.pins)}\t{ours.seconds:.1f}\t{kind or 'agree'}"
                         f"\t{pip.reason()}\t{ours.reason()}\n")
    agreements = {}
    disagreements = {}
    for _, _, pip, ours, kind in results:
        if kind is None:
            agreements[pip.kind] = agreements.get(pip.kind, 0) + 1
        else:
            disagreements[kind] = disagreements.get(kind, 0) + 1
    pip_seconds = sum(result[2].seconds for result in results)
    ours_seconds = sum(result[3].seconds for result in results)
    print(f"sets: {len(results)} in {elapsed:.0f} s (pip {pip_seconds:.0f} s, req2nix {ours_seconds:.0f} s, {options.jobs} at a time)")
    print(f"agreements: {sum(agreements.values())} ({', '.join(f'{kind} {n}' for kind, n in sorted(agreements.items())) or 'none'})")
    print(f"disagreements: {sum(n for kind, n in disagreements.items() if kind != 'timeout')}"
          f" ({', '.join(f'{kind} {n}' for kind, n in sorted(disagreements.items()) if kind != 'timeout') or 'none'})")
    if "timeout" in disagreements:
        print(f"timed out: {disagreements['timeout']}")
    if disagreements:
        print(f"written to {options.out}/")
    return 1 if any(kind != "timeout" for kind in disagreements) else 0


if __name__ == "__main__":
    sys.exit(main())
