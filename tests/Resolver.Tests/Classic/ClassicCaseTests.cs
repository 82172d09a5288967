using Req2Nix.Resolver.Tests.Support;

namespace Req2Nix.Resolver.Tests.Classic;

/// <summary>req2nix pins what pip 23.2 pins on the classic cases (without running pip).</summary>
public class ClassicCaseTests
{
    public static TheoryData<string> Names() => [.. ClassicCases.All.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Req2nix_agrees_with_pip(string name)
    {
        var classic = ClassicCases.Get(name);
        if (classic.ExpectedPins is null)
        {
            await Assert.ThrowsAsync<ResolutionImpossibleException>(() => Resolve.RunAsync(classic.ToIndex(), classic.ToManifest()));
            return;
        }
        Assert.Equal(classic.ExpectedPins, await Resolve.PinsAsync(classic.ToIndex(), classic.ToManifest()));
    }
}
