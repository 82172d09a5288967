using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Req2Nix.FixtureIndex;
using Req2Nix.Packaging.Names;
using Req2Nix.PyPI;
using Req2Nix.PyPI.Simple;
using Req2Nix.Resolver.Index;

namespace Req2Nix.Benchmarks;

/// <summary>
/// Command-line modes for bench/hash-and-download.sh, over the shared mirror served by the fixture
/// index on loopback (in this process):
/// <c>download-hash [PROJECTS] [CONCURRENCY] [PASSES]</c> downloads and hashes every wheel of the
/// first PROJECTS projects through <see cref="PyPIClient"/> (VerifyIndexDigests, no cache), beside
/// a plain <see cref="HttpClient"/> that only reads the same files (the loopback ceiling);
/// <c>download-hash-large [FILES] [MIB] [CONCURRENCY] [PASSES]</c> does the same for a made-up
/// project of large random files;
/// <c>page-parse</c> reads the mirror's largest PEP 691 page with the client's reader and, for
/// contrast, through a <see cref="JsonNode"/> DOM (the same fields read from it), reporting time and
/// allocation per parse.
/// </summary>
public static class DownloadQuickTiming
{
    public static bool TryRun(string[] args)
    {
        switch (args)
        {
            case ["download-hash", ..]:
                RunDownloads(
                    Argument(args, 1, 100),
                    Argument(args, 2, 16),
                    Argument(args, 3, 3)).GetAwaiter().GetResult();
                return true;
            case ["download-hash-large", ..]:
                RunLargeDownloads(
                    Argument(args, 1, 24),
                    Argument(args, 2, 16),
                    Argument(args, 3, 16),
                    Argument(args, 4, 3)).GetAwaiter().GetResult();
                return true;
            case ["page-parse", ..]:
                RunPageParse().GetAwaiter().GetResult();
                return true;
            default:
                return false;
        }
    }

    private static async Task RunDownloads(int projectCount, int concurrency, int passes)
    {
        var mirror = await MirrorBuilder.SharedMirrorAsync();
        var projects = Directory.GetDirectories(Path.Combine(mirror, "simple"))
            .Select(Path.GetFileName)
            .Order(StringComparer.Ordinal)
            .Take(projectCount)
            .Select(name => PackageName.Parse(name!))
            .ToList();
        await MeasureAsync(mirror, projects, concurrency, passes);
    }

    /// <summary>
    /// The shared mirror's files are small stand-ins (1–2 kB): per-request cost dominates. This mode
    /// serves a made-up project of <paramref name="files"/> random files of <paramref name="mebibytes"/>
    /// MiB each, where hashing and transfer dominate.
    /// </summary>
    private static async Task RunLargeDownloads(int files, int mebibytes, int concurrency, int passes)
    {
        var root = Path.Combine(Path.GetTempPath(), $"req2nix-large-mirror-{Guid.NewGuid():N}");
        try
        {
            WriteLargeMirror(root, files, mebibytes);
            await MeasureAsync(root, [PackageName.Parse("big")], concurrency, passes);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static void WriteLargeMirror(string root, int files, int mebibytes)
    {
        const string Base = "http://req2nix-base.invalid";
        Directory.CreateDirectory(Path.Combine(root, "simple", "big"));
        Directory.CreateDirectory(Path.Combine(root, "packages", "big"));
        File.WriteAllText(Path.Combine(root, "simple", "index.json"), """{"meta":{"api-version":"1.1"},"projects":[{"name":"big"}]}""");
        var entries = new List<string>();
        var content = new byte[mebibytes * 1024 * 1024];
        for (var i = 0; i < files; i++)
        {
            System.Security.Cryptography.RandomNumberGenerator.Fill(content);
            var name = $"big-{i}.0-py3-none-any.whl";
            File.WriteAllBytes(Path.Combine(root, "packages", "big", name), content);
            var digest = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content));
            entries.Add($$"""{"filename":"{{name}}","url":"{{Base}}/packages/big/{{name}}","hashes":{"sha256":"{{digest}}"},"size":{{content.Length}}}""");
        }
        File.WriteAllText(
            Path.Combine(root, "simple", "big", "index.json"),
            $$"""{"meta":{"api-version":"1.1"},"name":"big","files":[{{string.Join(",", entries)}}]}""");
    }

    private static async Task MeasureAsync(string mirror, List<PackageName> projects, int concurrency, int passes)
    {
        await using var server = await FixtureIndexServer.StartAsync(new FixtureIndexOptions { Root = mirror });
        var options = new PyPIClientOptions { IndexUrl = server.SimpleUrl, MaxConcurrency = concurrency, VerifyIndexDigests = true };

        List<DistributionFile> wheels;
        using (var lister = new PyPIClient(options))
        {
            var listings = await Task.WhenAll(projects.Select(p => lister.GetProjectAsync(p, default)));
            wheels = [.. listings.SelectMany(l => l.Files).Where(f => f.Filename.EndsWith(".whl", StringComparison.Ordinal))];
        }
        var bytes = wheels.Sum(w => w.Size ?? 0);
        Console.WriteLine($"files {wheels.Count} wheels of {projects.Count} projects, {bytes / 1e6:0.0} MB, concurrency {concurrency}");

        var plain = await BestOfAsync(passes, () => ReadOnlyAsync(wheels, concurrency));
        Print("read-only", wheels.Count, bytes, plain);
        var hashed = await BestOfAsync(passes, async () =>
        {
            using var client = new PyPIClient(options);
            var digests = await Task.WhenAll(wheels.Select(w => client.GetSha256Async(w, default)));
            for (var i = 0; i < digests.Length; i++)
            {
                if (!digests[i].Equals(wheels[i].Sha256!.Value))
                {
                    throw new InvalidOperationException($"{wheels[i].Filename}: digest mismatch");
                }
            }
        });
        Print("download+hash", wheels.Count, bytes, hashed);
    }

    /// <summary>The same files through a bare pooled HttpClient, bytes discarded: what the loopback server gives.</summary>
    private static async Task ReadOnlyAsync(List<DistributionFile> files, int concurrency)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency });
        using var slots = new SemaphoreSlim(concurrency);
        var buffer = new byte[256 * 1024];
        await Task.WhenAll(files.Select(async file =>
        {
            await slots.WaitAsync();
            try
            {
                await using var stream = await http.GetStreamAsync(file.Url);
                var local = new byte[64 * 1024];
                while (await stream.ReadAsync(local) > 0)
                {
                }
            }
            finally
            {
                slots.Release();
            }
        }));
        GC.KeepAlive(buffer);
    }

    private static async Task RunPageParse()
    {
        var mirror = await MirrorBuilder.SharedMirrorAsync();
        var largest = Directory.GetFiles(Path.Combine(mirror, "simple"), "index.json", SearchOption.AllDirectories)
            .OrderByDescending(f => new FileInfo(f).Length)
            .First();
        var json = await File.ReadAllBytesAsync(largest);
        var page = new Uri("https://pypi.org/simple/x/");
        var files = SimpleJsonReader.Read(json, page, u => u).Files.Count;
        Console.WriteLine($"page {Path.GetFileName(Path.GetDirectoryName(largest))} {json.Length / 1e3:0.0} kB {files} files");

        var (readerTime, readerBytes) = MeasureParse(() => SimpleJsonReader.Read(json, page, u => u).Files.Count);
        var (domTime, domBytes) = MeasureParse(() => WalkDom(json));
        PrintParse("reader", json.Length, files, readerTime, readerBytes);
        PrintParse("jsonnode", json.Length, files, domTime, domBytes);
    }

    /// <summary>The same fields read through a <see cref="JsonNode"/> tree: every file object becomes nodes.</summary>
    private static int WalkDom(byte[] json)
    {
        var count = 0;
        foreach (var file in JsonNode.Parse(json)!["files"]!.AsArray())
        {
            var node = file!.AsObject();
            var text = $"{node["filename"]}{node["url"]}{node["hashes"]?["sha256"]}{node["requires-python"]}{node["yanked"]}{node["core-metadata"]}{node["size"]}";
            count += text.Length > 0 ? 1 : 0;
        }
        return count;
    }

    private static (TimeSpan Best, long Allocated) MeasureParse(Func<int> parse)
    {
        parse();
        var best = TimeSpan.MaxValue;
        long allocated = 0;
        for (var pass = 0; pass < 20; pass++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var started = Stopwatch.GetTimestamp();
            parse();
            var elapsed = Stopwatch.GetElapsedTime(started);
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            best = elapsed < best ? elapsed : best;
        }
        return (best, allocated);
    }

    private static void PrintParse(string what, int length, int files, TimeSpan best, long allocated) =>
        Console.WriteLine(
            $"{what} {best.TotalMilliseconds:0.00} ms {length / best.TotalSeconds / 1e6:0} MB/s allocated {allocated / 1e6:0.00} MB "
            + $"({(double)allocated / length:0.00} x the page, {allocated / files} B per file)");

    private static async Task<TimeSpan> BestOfAsync(int passes, Func<Task> run)
    {
        await run();
        var best = TimeSpan.MaxValue;
        for (var pass = 0; pass < passes; pass++)
        {
            var started = Stopwatch.GetTimestamp();
            await run();
            var elapsed = Stopwatch.GetElapsedTime(started);
            best = elapsed < best ? elapsed : best;
        }
        return best;
    }

    private static void Print(string what, int files, long bytes, TimeSpan elapsed) =>
        Console.WriteLine($"{what} {bytes / elapsed.TotalSeconds / 1e6:0.0} MB/s {files / elapsed.TotalSeconds:0} files/s in {elapsed.TotalSeconds:0.00} s");

    private static int Argument(string[] args, int index, int fallback) =>
        args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;
}
