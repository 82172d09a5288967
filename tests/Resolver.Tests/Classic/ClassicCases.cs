using Req2Nix.Resolver.Index;

namespace Req2Nix.Resolver.Tests.Classic;

/// <summary>
/// The classic resolution cases (several from resolvelib's own test suite: same-package,
/// conflict-with-dependency, issue-134, backjump-test-1), with what pip 23.2 pins for them.
/// </summary>
public static class ClassicCases
{
    public static IReadOnlyList<ClassicCase> All { get; } =
    [
        new("same-package", "several input lines on one project combine")
        {
            Releases = [R("package-a", "1.0.0"), R("package-a", "1.1.0"), R("package-a", "1.2.0"), R("package-a", "1.3.0")],
            Requested = ["package_a >=1.1", "package_a >=1.0,<1.3", "package_a >=1.2"],
            ExpectedPins = ["package-a==1.2.0"],
        },
        new("conflict-with-dependency", "virtualenv 20 needs six>=1.12, so an older virtualenv is chosen")
        {
            Releases =
            [
                R("six", "1.11.0"), R("six", "1.12.0"), R("six", "1.13.0"),
                R("virtualenv", "16.7.9", "six"), R("virtualenv", "20.0.0", "six>=1.12.0", "appdirs"), R("virtualenv", "20.0.1", "six>=1.12.0", "appdirs"),
                R("appdirs", "1.4.3"),
            ],
            Requested = ["six<1.12", "virtualenv"],
            ExpectedPins = ["six==1.11.0", "virtualenv==16.7.9"],
        },
        new("issue-134", "resolvelib 1.0.1 backjumps past the solution (pandas 1.3.5, dateutil 2.7.5): pip 23.2 fails")
        {
            Releases = Issue134(),
            Requested = ["pandas<=1.4.0,>=1.3.5", "pystac<=1.8.3,>=1.8.2", "pystac-client<=0.3.3,>=0.3.2", "sat-stac<=0.1.1"],
            ExpectedPins = null,
        },
        new("backjump-test-1", "issue-134 behind one parent: pip 23.2 fails as well")
        {
            Releases = [.. Issue134(), R("parent", "0.0.1", "pandas<=1.4.0,>=1.3.5", "pystac<=1.8.3,>=1.8.2", "pystac-client<=0.3.3,>=0.3.2", "sat-stac<=0.1.1")],
            Requested = ["parent"],
            ExpectedPins = null,
        },
        new("common-dependency", "a 2.0 needs c>=2 and b 2.0 needs c<2: b goes back to 1.0")
        {
            Releases =
            [
                R("a", "1.0", "c<2"), R("a", "2.0", "c>=2"),
                R("b", "1.0", "c>=2"), R("b", "2.0", "c<2"),
                R("c", "1.0"), R("c", "2.0"),
            ],
            Requested = ["a", "b"],
            ExpectedPins = ["a==2.0", "b==1.0", "c==2.0"],
        },
        new("deep-conflict", "the conflict is two levels below the first input")
        {
            Releases =
            [
                R("a", "1.0", "b"), R("b", "1.0", "c<2"), R("b", "2.0", "c>=2"),
                R("c", "1.0"), R("c", "2.0"), R("d", "1.0", "c<2"),
            ],
            Requested = ["a", "d"],
            ExpectedPins = ["a==1.0", "b==1.0", "c==1.0", "d==1.0"],
        },
        new("cycle", "two projects that need each other")
        {
            Releases = [R("a", "1.0", "b"), R("b", "1.0", "a")],
            Requested = ["a"],
            ExpectedPins = ["a==1.0", "b==1.0"],
        },
        new("cycle-with-upper-bound", "b 2.0 needs a<2, so a 2.0's requirement stops counting when a is re-pinned")
        {
            Releases = [R("a", "1.0", "b"), R("a", "2.0", "b>=2"), R("b", "1.0", "a"), R("b", "2.0", "a<2")],
            Requested = ["a"],
            ExpectedPins = ["a==1.0", "b==2.0"],
        },
        new("extras-from-two-parents", "two parents ask for different extras of one project")
        {
            Releases =
            [
                R("p", "1.0", "lib[x]"), R("q", "1.0", "lib[y]"),
                R("lib", "1.0"), R("lib", "2.0", "dep-x; extra == 'x'", "dep-y>=2; extra == 'y'"),
                R("dep-x", "1.0"), R("dep-y", "1.0"), R("dep-y", "2.0"),
            ],
            Requested = ["p", "q"],
            ExpectedPins = ["dep-x==1.0", "dep-y==2.0", "lib==2.0", "p==1.0", "q==1.0"],
        },
        new("extras-with-upper-bound", "an extra and a bound on the plain project meet at one version")
        {
            Releases = [R("lib", "1.0", "dep; extra == 'x'"), R("lib", "2.0", "dep>=2; extra == 'x'"), R("dep", "1.0"), R("dep", "2.0")],
            Requested = ["lib[x]", "lib<2"],
            ExpectedPins = ["dep==2.0", "lib==1.0"],
        },
        new("extra-not-provided", "an extra the release does not declare is ignored")
        {
            Releases = [R("lib", "1.0", "dep; extra == 'x'"), R("dep", "1.0")],
            Requested = ["lib[nope]"],
            ExpectedPins = ["lib==1.0"],
        },
        new("extras-conflict", "an extra's dependency conflicts with an input: the project goes back")
        {
            Releases = [R("lib", "1.0", "dep<2; extra == 'x'"), R("lib", "2.0", "dep>=2; extra == 'x'"), R("dep", "1.0"), R("dep", "2.0")],
            Requested = ["lib[x]", "dep<2"],
            ExpectedPins = ["dep==1.0", "lib==1.0"],
        },
        new("yanked-skipped", "a yanked release is passed over")
        {
            Releases = [R("a", "1.0"), R("a", "2.0") with { Yanked = true, YankedReason = "broken" }],
            Requested = ["a"],
            ExpectedPins = ["a==1.0"],
        },
        new("yanked-pinned", "a == pin selects a yanked release")
        {
            Releases = [R("a", "1.0"), R("a", "2.0") with { Yanked = true }],
            Requested = ["a==2.0"],
            ExpectedPins = ["a==2.0"],
        },
        new("yanked-wildcard-not-a-pin", "==2.* does not count as a pin for yanked releases")
        {
            Releases = [R("a", "1.0"), R("a", "2.0") with { Yanked = true }],
            Requested = ["a==2.*"],
            ExpectedPins = null,
        },
        new("requires-python-in-metadata-only", "a release whose metadata alone needs Python 3.12 is rejected when tried")
        {
            Releases = [R("a", "1.0"), R("a", "2.0") with { RequiresPython = ">=3.12", RequiresPythonOnFiles = false }],
            Requested = ["a"],
            ExpectedPins = ["a==1.0"],
        },
        new("requires-python-of-a-dependency", "the newest b needs Python 3.12; a 2.0 needs that b, so a goes back")
        {
            Releases = [R("a", "1.0", "b<2"), R("a", "2.0", "b>=2"), R("b", "1.0"), R("b", "2.0") with { RequiresPython = ">=3.12", RequiresPythonOnFiles = false }],
            Requested = ["a"],
            ExpectedPins = ["a==1.0", "b==1.0"],
        },
        new("prerelease-only-without-clauses", "a project with only pre-releases and no clause: pip takes them")
        {
            Releases = [R("b", "1.0a1"), R("b", "1.0b2")],
            Requested = ["b"],
            ExpectedPins = ["b==1.0b2"],
        },
        new("prerelease-only-with-clauses", "with a clause that names no pre-release, pip 23.2 offers none at all")
        {
            Releases = [R("b", "1.0a1"), R("b", "1.0b2")],
            Requested = ["b>=0.5"],
            ExpectedPins = null,
        },
        new("prerelease-named-by-a-dependency", "a dependency's >=1.0b1 admits pre-releases for every requirement on c")
        {
            Releases = [R("a", "1.0", "c>=1.0b1"), R("c", "0.9"), R("c", "1.0b2")],
            Requested = ["c", "a"],
            ExpectedPins = ["a==1.0", "c==1.0b2"],
        },
        new("prerelease-less-than-names-none", "packaging 21.3: <1.0b3 does not admit pre-releases")
        {
            Releases = [R("c", "0.9"), R("c", "1.0b2")],
            Requested = ["c<1.0b3"],
            ExpectedPins = ["c==0.9"],
        },
        new("pre-flag", "--pre admits pre-releases everywhere")
        {
            Releases = [R("a", "1.0", "c"), R("c", "0.9"), R("c", "1.0rc1")],
            Requested = ["a"],
            PipArguments = ["--pre"],
            ExpectedPins = ["a==1.0", "c==1.0rc1"],
        },
        new("missing-dependency-backtracks", "the newest a needs a project no index has; a goes back")
        {
            Releases = [R("a", "1.0"), R("a", "2.0", "gone")],
            Requested = ["a"],
            ExpectedPins = ["a==1.0"],
        },
        new("input-order-decides", "symmetric conflict: the project named first gets its newest version")
        {
            Releases = Symmetric(),
            Requested = ["x", "y"],
            ExpectedPins = ["x==2.0", "y==1.0", "z==2.0"],
        },
        new("input-order-decides-reversed", "the same with the lines swapped")
        {
            Releases = Symmetric(),
            Requested = ["y", "x"],
            ExpectedPins = ["x==1.0", "y==2.0", "z==1.0"],
        },
        new("pinned-first", "pip pins ==-requirements first (==2.* counts), which changes the outcome")
        {
            Releases =
            [
                R("x", "1.0", "z<2"), R("x", "2.0", "z>=2"),
                R("y", "2.0", "z>=2"), R("y", "2.1", "z<2"),
                R("z", "1.0"), R("z", "2.0"),
            ],
            Requested = ["x", "y==2.*"],
            ExpectedPins = ["x==1.0", "y==2.1", "z==1.0"],
        },
    ];

    public static ClassicCase Get(string name) => All.Single(c => c.Name == name);

    private static InMemoryRelease R(string name, string version, params string[] requiresDist) =>
        new(name, version) { RequiresDist = requiresDist };

    private static InMemoryRelease[] Symmetric() =>
    [
        R("x", "1.0", "z<2"), R("x", "2.0", "z>=2"),
        R("y", "1.0", "z>=2"), R("y", "2.0", "z<2"),
        R("z", "1.0"), R("z", "2.0"),
    ];

    private static InMemoryRelease[] Issue134() =>
    [
        R("pandas", "1.4.0", "python-dateutil (>=2.8.1)"), R("pandas", "1.3.5", "python-dateutil (>=2.7.3)"),
        R("pystac", "1.8.3", "python-dateutil (>=2.7.0)"), R("pystac", "1.8.2", "python-dateutil (>=2.7.0)"),
        R("pystac-client", "0.3.3", "requests (>=2.25)", "pystac (>=1.4.0)"), R("pystac-client", "0.3.2", "requests (>=2.25)", "pystac (~=1.2.0)"),
        R("sat-stac", "0.1.1", "python-dateutil (~=2.7.5)"), R("sat-stac", "0.1.0", "requests (~=2.19.1)", "python-dateutil (~=2.7.5)"),
        R("python-dateutil", "2.9.0"), R("python-dateutil", "2.7.5"),
        R("requests", "2.31.0"),
    ];
}
