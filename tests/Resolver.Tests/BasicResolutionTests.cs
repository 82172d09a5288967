using Req2Nix.Resolver.Index;
using Req2Nix.Resolver.Tests.Support;

namespace Req2Nix.Resolver.Tests;

public class BasicResolutionTests
{
    [Fact]
    public async Task Picks_the_newest_version_of_each_project()
    {
        var index = new InMemoryPackageIndex()
            .Add("a", "1.0", "b")
            .Add("a", "2.0", "b>=1.1")
            .Add("b", "1.0")
            .Add("b", "1.1")
            .Add("b", "1.2");

        Assert.Equal(["a==2.0", "b==1.2"], await Resolve.PinsAsync(index, "a"));
    }

    [Fact]
    public async Task Honours_upper_bounds_from_dependencies()
    {
        var index = new InMemoryPackageIndex()
            .Add("a", "1.0", "b<1.2")
            .Add("b", "1.0")
            .Add("b", "1.1")
            .Add("b", "1.2");

        Assert.Equal(["a==1.0", "b==1.1"], await Resolve.PinsAsync(index, "a"));
    }
}
