using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Req2Nix.FixtureIndex;
using Req2Nix.Tests.Shared;

namespace Req2Nix.PyPI.Tests.FixtureIndex;

/// <summary>
/// MirrorBuilder against a stand-in generator (a tiny mkindex.py that records each run), so the
/// caching, locking and error paths are tested in milliseconds; one test builds the real mirror.
/// </summary>
public sealed class MirrorBuilderTests : IDisposable
{
    private const string StandInGenerator =
        """
        import os, sys
        here = os.path.dirname(os.path.abspath(__file__))
        with open(os.path.join(here, "runs.log"), "a") as log:
            log.write("run\n")
        if os.path.exists(os.path.join(here, "fail")):
            print("boom: the stand-in was told to fail", file=sys.stderr)
            sys.exit(3)
        out = sys.argv[sys.argv.index("--out") + 1]
        os.makedirs(os.path.join(out, "simple"))
        with open(os.path.join(out, "MANIFEST.json"), "w") as f:
            f.write("{}")
        """;

    private readonly string _work = Directory.CreateTempSubdirectory("req2nix-mirror-builder-").FullName;

    private string Generator => Path.Combine(_work, "pypi-mirror");

    private string Cache => Path.Combine(_work, "cache");

    public MirrorBuilderTests()
    {
        Directory.CreateDirectory(Path.Combine(Generator, "universe"));
        File.WriteAllText(Path.Combine(Generator, "mkindex.py"), StandInGenerator);
        File.WriteAllText(Path.Combine(Generator, "universe", "universe.json"), "{\"projects\": {}}");
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private int Runs => File.Exists(Path.Combine(Generator, "runs.log")) ? File.ReadAllLines(Path.Combine(Generator, "runs.log")).Length : 0;

    [Fact]
    public async Task The_mirror_is_built_once_into_a_folder_named_by_the_inputs()
    {
        var builder = new MirrorBuilder(Generator, Cache);

        var first = await builder.GetOrBuildAsync();
        var second = await new MirrorBuilder(Generator, Cache).GetOrBuildAsync();

        Assert.Equal(first, second);
        Assert.Equal(Path.Combine(Cache, "mirror-" + builder.InputsKey), first);
        Assert.True(File.Exists(Path.Combine(first, "MANIFEST.json")));
        Assert.Equal(1, Runs);
        Assert.Equal([first], Directory.GetDirectories(Cache));
    }

    [Fact]
    public async Task Concurrent_callers_share_one_build()
    {
        var builds = Enumerable.Range(0, 8).Select(_ => Task.Run(() => new MirrorBuilder(Generator, Cache).GetOrBuildAsync()));

        var paths = await Task.WhenAll(builds);

        Assert.Single(paths.Distinct());
        Assert.Equal(1, Runs);
    }

    [Fact]
    public async Task A_build_finished_by_another_process_while_waiting_for_the_lock_is_reused()
    {
        var builder = new MirrorBuilder(Generator, Cache);
        Directory.CreateDirectory(Cache);
        Task<string> waiting;
        using (new FileStream(builder.MirrorFolder + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
        {
            waiting = builder.GetOrBuildAsync();
            // What the other process does before it lets go of the lock.
            Directory.CreateDirectory(builder.MirrorFolder);
            await File.WriteAllTextAsync(Path.Combine(builder.MirrorFolder, "MANIFEST.json"), "{}");
        }

        Assert.Equal(builder.MirrorFolder, await waiting);
        Assert.Equal(0, Runs);
    }

    [Fact]
    public void The_key_follows_the_generator_and_the_universe()
    {
        var before = new MirrorBuilder(Generator, Cache).InputsKey;
        var elsewhere = new MirrorBuilder(Generator, Path.Combine(_work, "elsewhere")).InputsKey;
        File.WriteAllText(Path.Combine(Generator, "universe", "overlay.json"), "{}");
        var withOverlay = new MirrorBuilder(Generator, Cache).InputsKey;
        File.AppendAllText(Path.Combine(Generator, "mkindex.py"), "\n# changed\n");
        var withChangedGenerator = new MirrorBuilder(Generator, Cache).InputsKey;

        Assert.Matches("^[0-9a-f]{16}$", before);
        Assert.Equal(before, elsewhere);
        Assert.Equal(3, new[] { before, withOverlay, withChangedGenerator }.Distinct().Count());
    }

    [Fact]
    public async Task A_failed_build_says_why_leaves_nothing_behind_and_is_tried_again()
    {
        File.WriteAllText(Path.Combine(Generator, "fail"), "");
        var builder = new MirrorBuilder(Generator, Cache);

        var error = await Assert.ThrowsAsync<MirrorBuildException>(() => builder.GetOrBuildAsync());

        Assert.Contains("exit code 3", error.Message, StringComparison.Ordinal);
        Assert.Contains("boom: the stand-in was told to fail", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetDirectories(Cache));

        File.Delete(Path.Combine(Generator, "fail"));
        Assert.Equal(builder.MirrorFolder, await builder.GetOrBuildAsync());
        Assert.Equal(2, Runs);
    }

    [Fact]
    public async Task Staging_folders_of_a_crashed_build_are_removed()
    {
        var builder = new MirrorBuilder(Generator, Cache);
        var leftover = Directory.CreateDirectory(builder.MirrorFolder + ".tmp-999-dead").FullName;

        await builder.GetOrBuildAsync();

        Assert.False(Directory.Exists(leftover));
    }

    [Fact]
    public async Task A_missing_Python_is_named_with_the_way_to_fix_it()
    {
        var builder = new MirrorBuilder(Generator, Cache, python: Path.Combine(_work, "no-such-python3"));

        var error = await Assert.ThrowsAsync<MirrorBuildException>(() => builder.GetOrBuildAsync());

        Assert.Contains("Python was not found", error.Message, StringComparison.Ordinal);
        Assert.Contains(MirrorBuilder.PythonVariable, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_generator_is_named_with_the_way_to_fix_it()
    {
        var builder = new MirrorBuilder(Path.Combine(_work, "absent"), Cache);

        var error = await Assert.ThrowsAsync<MirrorBuildException>(() => builder.GetOrBuildAsync());

        Assert.Contains(Path.Combine(_work, "absent", "mkindex.py"), error.Message, StringComparison.Ordinal);
        Assert.Contains("REQ2NIX_SHARED", error.Message, StringComparison.Ordinal);
    }

    [SharedFact("pypi-mirror")]
    public async Task The_shared_mirror_is_built_once_per_machine_and_served()
    {
        var root = await MirrorBuilder.SharedMirrorAsync();
        await using var server = await FixtureIndexServer.StartAsync(new FixtureIndexOptions { Root = root });
        using var client = RawHttp.CreateClient();

        using var redirect = await client.GetAsync(server.Url("/simple/zope.interface/"));
        using var page = await client.GetAsync(server.Url("/simple/zope-interface/"), ("Accept", "application/vnd.pypi.simple.v1+json"));
        using var json = JsonDocument.Parse(await page.Content.ReadAsStringAsync());
        var wheel = json.RootElement.GetProperty("files").EnumerateArray().First(f => f.GetProperty("filename").GetString()!.EndsWith(".whl", StringComparison.Ordinal));
        var bytes = await client.GetByteArrayAsync(new Uri(wheel.GetProperty("url").GetString()!));
        using var project = await client.GetAsync(server.Url("/pypi/zope.interface/json"));
        using var absent = await client.GetAsync(server.Url("/simple/future/"));

        Assert.Equal(HttpStatusCode.MovedPermanently, redirect.StatusCode);
        Assert.Equal(wheel.GetProperty("hashes").GetProperty("sha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(bytes)));
        Assert.Equal(HttpStatusCode.OK, project.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, absent.StatusCode);
        Assert.Equal(root, await MirrorBuilder.SharedMirrorAsync());
    }
}
