using Req2Nix.Packaging.Targets;

namespace Req2Nix.Packaging.Tests.Pep508;

public class PythonTargetTests
{
    [Theory]
    [InlineData("3.11", 11, null, "3.11.0", "python311")]
    [InlineData("3.12.4", 12, 4, "3.12.4", "python312")]
    [InlineData("3.9.21", 9, 21, "3.9.21", "python39")]
    public void Parses_minor_or_patch_versions(string text, int minor, int? micro, string full, string attribute)
    {
        var target = PythonTarget.Parse(text);

        Assert.Equal(new PythonVersion(3, minor), target.Version);
        Assert.Equal(micro, target.Micro);
        Assert.Equal(full, target.FullVersion);
        Assert.Equal(attribute, target.NixAttribute);
        Assert.Equal(text, target.ToString());
        Assert.Equal(target, PythonTarget.Parse(text));
        Assert.Equal(target.GetHashCode(), PythonTarget.Parse(text).GetHashCode());
    }

    [Theory]
    [InlineData("3")]
    [InlineData("3.")]
    [InlineData("3.11.")]
    [InlineData("3.11.x")]
    [InlineData("2.7")]
    [InlineData("3.11.4.1")]
    [InlineData("")]
    [InlineData("cpython3.11")]
    public void Rejects_other_text(string text)
    {
        Assert.Throws<InvalidTargetException>(() => PythonTarget.Parse(text));
        Assert.False(PythonTarget.TryParse(text, out _));
    }

    [Fact]
    public void Minor_and_patch_targets_differ()
    {
        Assert.NotEqual(PythonTarget.Parse("3.11"), PythonTarget.Parse("3.11.0"));
        Assert.False(PythonTarget.TryParse(null, out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PythonTarget(new PythonVersion(3, 11), -1));
    }
}
