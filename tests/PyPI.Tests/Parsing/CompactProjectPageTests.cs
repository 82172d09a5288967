using Req2Nix.Packaging.Hashing;
using Req2Nix.PyPI.Simple;
using Req2Nix.Resolver.Index;

namespace Req2Nix.PyPI.Tests.Parsing;

public sealed class CompactProjectPageTests
{
    private static readonly Sha256Digest Digest = Sha256Digest.FromHex("5f2c2e3c73a2975ab9fbe3c7b3909a1522ec46a35eef3674debaedd4a22cd452");
    private static readonly Sha256Digest OtherDigest = Sha256Digest.FromHex("7db4058ce81504b1dcdc93b8d06aa58f908e45dc4ed2a8cfc874ae72e76d1a66");

    private static readonly ProjectPage Page = new(
        [
            new DistributionFile("démo-1.0-py3-none-any.whl", new Uri("https://files.example.org/packages/d%C3%A9mo-1.0-py3-none-any.whl"))
            {
                Sha256 = Digest,
                RequiresPython = ">=3.8",
                Yanked = true,
                YankedReason = "broken ✗",
                HasCoreMetadata = true,
                CoreMetadataSha256 = OtherDigest,
                Size = 1L << 40,
            },
            new DistributionFile("demo-1.0.tar.gz", new Uri("https://files.example.org/packages/demo-1.0.tar.gz")) { RequiresPython = ">=3.8" },
            new DistributionFile("demo-0.9.tar.gz", new Uri("http://mirror.example/demo-0.9.tar.gz")) { Yanked = true, HasCoreMetadata = true, Size = 0 },
            new DistributionFile("demo-0.8.tar.gz", new Uri(new Uri("https://example.org/simple/demo/"), "../../packages/demo%200.8.tar.gz")),
        ],
        "1.1");

    [Fact]
    public void Round_trips_every_field_and_every_absence()
    {
        var bytes = CompactProjectPage.Instance.Write(Page);

        Assert.True(CompactProjectPage.Instance.TryRead(bytes, out var read));
        Assert.Equal(Page.ApiVersion, read.ApiVersion);
        Assert.Equal(Page.Files, read.Files);
        Assert.Same(read.Files[0].RequiresPython, read.Files[1].RequiresPython);
    }

    [Fact]
    public void Every_file_read_back_names_the_listing_the_form_was_made_for()
    {
        var listing = new ListingOrigin(Req2Nix.Packaging.Names.PackageName.Parse("demo"));

        Assert.True(new CompactProjectPage(listing).TryRead(CompactProjectPage.Instance.Write(Page), out var read));
        Assert.All(read.Files, file => Assert.Same(listing, file.ListedBy));
    }

    [Fact]
    public void A_page_without_files_or_api_version_round_trips()
    {
        var empty = new ProjectPage([], null);

        Assert.True(CompactProjectPage.Instance.TryRead(CompactProjectPage.Instance.Write(empty), out var read));
        Assert.Null(read.ApiVersion);
        Assert.Empty(read.Files);
    }

    [Fact]
    public void Bytes_that_end_early_run_on_or_lie_about_a_count_are_refused()
    {
        var bytes = CompactProjectPage.Instance.Write(Page);

        for (var length = 0; length < bytes.Length; length++)
        {
            Assert.False(CompactProjectPage.Instance.TryRead(bytes.AsSpan(0, length), out _), $"a prefix of {length} bytes");
        }
        Assert.False(CompactProjectPage.Instance.TryRead([.. bytes, 0], out _));
        var lyingCount = (byte[])bytes.Clone();
        lyingCount[sizeof(int) + "1.1".Length] = 0x7f;
        Assert.False(CompactProjectPage.Instance.TryRead(lyingCount, out _));
    }
}
