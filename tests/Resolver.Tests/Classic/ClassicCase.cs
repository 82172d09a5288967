using Req2Nix.Resolver.Index;

namespace Req2Nix.Resolver.Tests.Classic;

/// <summary>
/// A small hand-made index and requirement list whose outcome pip 23.2 decides
/// (<see cref="ExpectedPins"/>, null when pip finds no solution). <see cref="ClassicCaseTests"/>
/// holds req2nix to it without pip; <see cref="ClassicCasePipTests"/> checks that pip really does it.
/// </summary>
public sealed record ClassicCase(string Name, string Description)
{
    public IReadOnlyList<InMemoryRelease> Releases { get; init; } = [];

    public IReadOnlyList<string> Requested { get; init; } = [];

    /// <summary>pip's pins as sorted <c>name==version</c>; null when pip reports no solution.</summary>
    public IReadOnlyList<string>? ExpectedPins { get; init; }

    /// <summary>Extra pip options (<c>--pre</c>).</summary>
    public IReadOnlyList<string> PipArguments { get; init; } = [];

    public InMemoryPackageIndex ToIndex()
    {
        var index = new InMemoryPackageIndex();
        foreach (var release in Releases)
        {
            index.Add(release);
        }
        return index;
    }

    public Manifest ToManifest()
    {
        var formats = new FormatControl(new HashSet<string>(), new HashSet<string> { FormatControl.AllProjects });
        return Support.TestManifests.Manifest([.. Requested]) with
        {
            Index = new IndexSettings { Formats = formats, AllowPreReleases = PipArguments.Contains("--pre") },
        };
    }

    public override string ToString() => Name;
}
