using Req2Nix.Resolver.Index;
using Req2Nix.Resolver.Tests.Support;

namespace Req2Nix.Resolver.Tests;

public class ExplanationTests
{
    [Fact]
    public async Task A_chain_through_a_dependency_names_both_input_lines()
    {
        var index = new InMemoryPackageIndex()
            .Add("a", "2.0", "b<1").Add("a", "2.1", "b<1").Add("a", "2.4", "b<1")
            .Add("b", "0.5").Add("b", "1.0").Add("b", "1.1");

        var message = await Resolve.FailureAsync(index, "a>=2", "b>=1");

        Assert.Contains("requirements.txt:1 needs a>=2", message, StringComparison.Ordinal);
        Assert.Contains("every a version allowed (2.0 … 2.4) needs b<1", message, StringComparison.Ordinal);
        Assert.Contains("requirements.txt:2 needs b>=1", message, StringComparison.Ordinal);
        Assert.Contains("so no version of a satisfies the requirements", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_project_no_index_has_is_named_with_its_line()
    {
        var index = new InMemoryPackageIndex().Add("requests", "2.25.0");

        var message = await Resolve.FailureAsync(index, "requests", "nosuchpkg");

        Assert.Equal("requirements.txt:2 needs nosuchpkg, which no index has", message);
    }

    [Fact]
    public async Task A_release_needing_a_newer_Python_says_so()
    {
        var index = new InMemoryPackageIndex().Add(new InMemoryRelease("tqdm", "4.52.0") { RequiresPython = ">=3.12" });

        var message = await Resolve.FailureAsync(index, "tqdm>=4.52");

        Assert.Contains("tqdm 4.52.0 needs Python >=3.12, but the target is Python 3.11.0", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_VCS_requirement_is_refused_with_its_line()
    {
        var manifest = new Manifest(
        [
            new RootRequirement(Packaging.Pep508.Requirement.Parse("tool"), new SourceLocation("requirements.txt", 7))
            {
                Source = new VcsSource(VcsKind.Git, "https://example.invalid/tool.git"),
            },
        ]);

        var exception = await Assert.ThrowsAsync<ResolutionInputException>(() => Resolve.RunAsync(new InMemoryPackageIndex(), manifest));

        Assert.StartsWith("requirements.txt:7: the requirement tool comes from a git checkout", exception.Message, StringComparison.Ordinal);
    }
}
