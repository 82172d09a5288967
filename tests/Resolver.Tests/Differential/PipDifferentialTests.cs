using System.Diagnostics;
using Xunit.Abstractions;

namespace Req2Nix.Resolver.Tests.Differential;

/// <summary>
/// req2nix and pip 23.2 resolve the same requirement sets against the same mirror and must pin the
/// same versions, or both fail (docs/differential-testing.md). One test case per folder under
/// <c>Differential/cases</c>.
/// </summary>
public class PipDifferentialTests : IClassFixture<DifferentialFixture>
{
    private readonly DifferentialFixture _fixture;
    private readonly ITestOutputHelper _output;

    public PipDifferentialTests(DifferentialFixture fixture, ITestOutputHelper output)
    {
        _fixture = fixture;
        _output = output;
    }

    public static TheoryData<string> Cases() => [.. DifferentialCase.Names()];

    [PipDifferentialTheory]
    [MemberData(nameof(Cases))]
    public async Task Req2nix_pins_what_pip_pins(string name)
    {
        var differentialCase = DifferentialCase.Load(name);
        var pip = await _fixture.PipAsync(differentialCase);

        var index = new MirrorFolderIndex(_fixture.MirrorFolder);
        var watch = Stopwatch.StartNew();
        string[]? ours = null;
        string? ourFailure = null;
        try
        {
            var resolution = await new DependencyResolver(index).ResolveAsync(differentialCase.ToManifest(), DifferentialCase.Target);
            ours = [.. resolution.Packages.Select(package => $"{package.Name}=={package.Version}").Order(StringComparer.Ordinal)];
        }
        catch (ResolutionImpossibleException exception)
        {
            ourFailure = exception.Message;
        }
        _output.WriteLine($"pip: {(pip.Resolved ? $"{pip.Pins.Count} pins" : "no solution")} in {pip.Seconds:F1} s");
        _output.WriteLine($"req2nix: {(ours is not null ? $"{ours.Length} pins" : "no solution")} in {watch.Elapsed.TotalMilliseconds:F0} ms, "
            + $"{index.ProjectRequests} listings, {index.MetadataRequests} metadata files");
        if (ourFailure is not null)
        {
            _output.WriteLine($"req2nix says: {ourFailure}");
        }
        if (!pip.Resolved)
        {
            _output.WriteLine($"pip says: {pip.Diagnostics}");
            Assert.True(ours is null, $"pip finds no solution, req2nix pins {string.Join(' ', ours ?? [])}\npip: {pip.Diagnostics}");
            return;
        }
        Assert.True(ours is not null, $"pip pins {string.Join(' ', pip.Pins)}; req2nix fails: {ourFailure}");
        var missing = pip.Pins.Except(ours!).ToList();
        var extra = ours!.Except(pip.Pins).ToList();
        Assert.True(
            missing.Count == 0 && extra.Count == 0,
            $"pins differ: pip only {string.Join(' ', missing)}; req2nix only {string.Join(' ', extra)}");
    }
}
