using Req2Nix.Packaging.Names;
using Req2Nix.Resolver.Index;

namespace Req2Nix.PyPI.Tests.Parsing;

public sealed class FileOriginsTests
{
    private static readonly IndexLocation Main = new(new Uri("https://main.example/simple/"));
    private static readonly IndexLocation Extra = new(new Uri("https://extra.example/simple/"));

    [Fact]
    public void A_listed_file_is_found_with_its_index_and_project()
    {
        var origins = new FileOrigins();
        var listing = new IndexListing(Extra, PackageName.Parse("a"));
        var listed = File("https://extra.example/packages/a-1.0-py3-none-any.whl") with { ListedBy = listing };
        Add(origins, Main, "b", File("https://main.example/packages/b-1.0-py3-none-any.whl"));
        origins.Add([listed], listing);

        Assert.True(origins.TryGet(listed, out var index, out var project));
        Assert.Same(Extra, index);
        Assert.Equal(PackageName.Parse("a"), project);
    }

    [Fact]
    public void A_file_that_names_its_listing_is_found_without_a_record_of_it()
    {
        var listed = File("https://extra.example/packages/a-1.0-py3-none-any.whl") with { ListedBy = new IndexListing(Extra, PackageName.Parse("a")) };

        Assert.True(new FileOrigins().TryGet(listed, out var index, out var project));
        Assert.Same(Extra, index);
        Assert.Equal(PackageName.Parse("a"), project);
    }

    [Fact]
    public void A_file_from_elsewhere_with_the_url_of_a_listed_one_is_found_by_its_url()
    {
        var origins = new FileOrigins();
        Add(origins, Extra, "a", File("https://extra.example/packages/a-1.0-py3-none-any.whl"));
        var fromLockFile = File("https://extra.example/packages/a-1.0-py3-none-any.whl");

        Assert.True(origins.TryGet(fromLockFile, out var index, out _));
        Assert.Same(Extra, index);
        Assert.False(origins.TryGet(File("https://extra.example/packages/c-1.0-py3-none-any.whl"), out _, out _));
    }

    private static void Add(FileOrigins origins, IndexLocation index, string project, DistributionFile file)
    {
        var listing = new IndexListing(index, PackageName.Parse(project));
        origins.Add([file with { ListedBy = listing }], listing);
    }

    private static DistributionFile File(string url) => new(url[(url.LastIndexOf('/') + 1)..], new Uri(url));
}
