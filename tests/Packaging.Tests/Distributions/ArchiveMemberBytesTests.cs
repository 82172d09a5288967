using Req2Nix.Packaging.Distributions;

namespace Req2Nix.Packaging.Tests.Distributions;

public class ArchiveMemberBytesTests
{
    private static readonly byte[] Content = [.. Enumerable.Range(0, 40_000).Select(i => (byte)(i % 251))];

    [Theory]
    [InlineData(40_000)] // as the archive says
    [InlineData(0)] // no size stated
    [InlineData(100)] // the archive understates it
    [InlineData(90_000)] // the archive overstates it
    public void ReadsTheWholeMemberWhateverSizeTheArchiveStates(long declaredLength)
    {
        var bytes = ArchiveMemberBytes.ReadAtMost(new MemoryStream(Content), cap: 50_000, declaredLength);

        Assert.Equal(Content, bytes);
    }

    [Fact]
    public void AMemberExactlyAtTheCapIsRead()
    {
        Assert.Equal(Content, ArchiveMemberBytes.ReadAtMost(new MemoryStream(Content), cap: Content.Length, Content.Length));
    }

    [Fact]
    public void AMemberOverTheCapIsNotRead()
    {
        Assert.Null(ArchiveMemberBytes.ReadAtMost(new MemoryStream(Content), cap: Content.Length - 1, declaredLength: 10));
    }

    [Fact]
    public void AnEmptyMemberIsAnEmptyArray()
    {
        Assert.Empty(ArchiveMemberBytes.ReadAtMost(new MemoryStream(), cap: 10, declaredLength: 0)!);
    }
}
