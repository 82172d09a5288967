using Req2Nix.Packaging.Names;
using Req2Nix.Resolver;

namespace Req2Nix.Resolver.Tests;

public class FormatControlTests
{
    private static readonly PackageName Numpy = PackageName.Parse("numpy");

    private static FormatControl Make(string[] noBinary, string[] onlyBinary) =>
        new(new HashSet<string>(noBinary), new HashSet<string>(onlyBinary));

    [Fact]
    public void By_default_both_kinds_of_file_count()
    {
        Assert.True(FormatControl.Any.AllowsWheels(Numpy));
        Assert.True(FormatControl.Any.AllowsSdists(Numpy));
    }

    [Theory]
    // pip's FormatControl.get_allowed_formats: a named project beats :all:, only-binary beats no-binary.
    [InlineData(new string[0], new[] { ":all:" }, true, false)]
    [InlineData(new[] { ":all:" }, new string[0], false, true)]
    [InlineData(new[] { "numpy" }, new[] { ":all:" }, false, true)]
    [InlineData(new[] { ":all:" }, new[] { "numpy" }, true, false)]
    [InlineData(new[] { "numpy" }, new[] { "numpy" }, true, false)]
    [InlineData(new[] { "scipy" }, new string[0], true, true)]
    public void Named_projects_win_over_all(string[] noBinary, string[] onlyBinary, bool wheels, bool sdists)
    {
        var control = Make(noBinary, onlyBinary);
        Assert.Equal(wheels, control.AllowsWheels(Numpy));
        Assert.Equal(sdists, control.AllowsSdists(Numpy));
    }
}
