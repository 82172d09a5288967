using Req2Nix.Packaging.Hashing;
using Req2Nix.Packaging.Names;
using Req2Nix.Resolver.Index;

namespace Req2Nix.Resolver.Tests.Index;

public sealed class DistributionFileTests
{
    private const string UrlText = "https://files.example.org/packages/d%C3%A9mo-1.0-py3-none-any.whl";

    [Fact]
    public void A_file_made_from_url_text_parses_it_when_asked_and_equals_one_made_from_the_uri()
    {
        var digest = Sha256Digest.Compute("demo"u8);
        var fromText = new DistributionFile("démo-1.0-py3-none-any.whl", UrlText) { Sha256 = digest };
        var fromUri = new DistributionFile("démo-1.0-py3-none-any.whl", new Uri(UrlText)) { Sha256 = digest };

        Assert.Equal(UrlText, fromText.UrlText);
        Assert.Equal(new Uri(UrlText), fromText.Url);
        Assert.Equal(fromUri, fromText);
        Assert.Equal(fromUri.GetHashCode(), fromText.GetHashCode());
    }

    [Fact]
    public void Files_differ_by_any_field_and_by_the_listing_that_named_them()
    {
        var file = new DistributionFile("demo-1.0.tar.gz", "https://files.example.org/demo-1.0.tar.gz");

        Assert.NotEqual(file, file with { Url = new Uri("https://mirror.example/demo-1.0.tar.gz") });
        Assert.NotEqual(file, file with { Yanked = true });
        Assert.NotEqual(file, file with { ListedBy = new ListingOrigin(PackageName.Parse("demo")) });
        Assert.Equal(file with { ListedBy = new ListingOrigin(PackageName.Parse("demo")) }, file with { ListedBy = new ListingOrigin(PackageName.Parse("demo")) });
        Assert.Equal("https://mirror.example/demo-1.0.tar.gz", (file with { Url = new Uri("https://mirror.example/demo-1.0.tar.gz") }).UrlText);
    }
}
