using Req2Nix.PyPI.Caching;

namespace Req2Nix.PyPI.Tests.Client;

public sealed class CacheFileWriterTests : IDisposable
{
    private readonly string _folder = TestClient.NewCacheDirectory();

    public void Dispose() => TestClient.DeleteDirectory(_folder);

    [Fact]
    public void Files_are_answered_from_memory_until_written_and_are_all_on_disk_after_dispose()
    {
        var paths = Enumerable.Range(0, 50).Select(i => Path.Combine(_folder, "entries", $"entry-{i}")).ToList();
        using (var writer = new CacheFileWriter())
        {
            foreach (var path in paths)
            {
                writer.Write(path, [.. "content of "u8, .. System.Text.Encoding.UTF8.GetBytes(path)]);
            }
            foreach (var path in paths)
            {
                // Pending, or written already: one or the other, never neither.
                var answered = writer.TryAnswer(path, out var pending) ? pending! : File.ReadAllBytes(path);
                Assert.Equal("content of " + path, System.Text.Encoding.UTF8.GetString(answered));
            }
        }
        foreach (var path in paths)
        {
            Assert.Equal("content of " + path, File.ReadAllText(path));
        }
        Assert.Equal(paths.Count, Directory.GetFiles(Path.Combine(_folder, "entries")).Length);
    }

    [Fact]
    public void The_last_write_to_a_path_wins()
    {
        var path = Path.Combine(_folder, "entry");
        using (var writer = new CacheFileWriter())
        {
            for (var i = 0; i < 20; i++)
            {
                writer.Write(path, [(byte)i]);
            }
            Assert.True(!writer.TryAnswer(path, out var pending) || pending![0] == 19);
        }
        Assert.Equal([19], File.ReadAllBytes(path));
    }

    [Fact]
    public void A_forgotten_file_is_not_answered_and_a_write_after_dispose_happens_at_once()
    {
        var writer = new CacheFileWriter();
        var path = Path.Combine(_folder, "entry");
        writer.Write(path, [1]);
        writer.Forget(path);
        Assert.False(writer.TryAnswer(path, out _));
        writer.Dispose();

        writer.Write(path, [2]);

        Assert.Equal([2], File.ReadAllBytes(path));
        Assert.False(writer.TryAnswer(path, out _));
    }

    [Fact]
    public void A_file_that_cannot_be_written_is_reported_and_nothing_is_thrown()
    {
        Directory.CreateDirectory(_folder);
        var blocker = Path.Combine(_folder, "not-a-folder");
        File.WriteAllText(blocker, "a file where the folder should be");
        var warnings = new List<string>();
        CacheWriteFailures? failures;
        using (var writer = new CacheFileWriter(message =>
        {
            lock (warnings)
            {
                warnings.Add(message);
            }
        }))
        {
            Assert.Null(writer.Failures);
            writer.Write(Path.Combine(blocker, "entry"), [1]);
            writer.Write(Path.Combine(_folder, "entry"), [2]);
            writer.Flush();
            failures = writer.Failures;
        }

        Assert.Contains("cannot be written", Assert.Single(warnings), StringComparison.Ordinal);
        Assert.Equal(1, failures!.Count);
        Assert.StartsWith(Path.Combine(blocker, "entry") + ": ", failures.First, StringComparison.Ordinal);
        Assert.Equal([2], File.ReadAllBytes(Path.Combine(_folder, "entry")));
        Assert.Equal(["entry", "not-a-folder"], Directory.GetFileSystemEntries(_folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_cache_entry_is_read_back_by_its_writer_at_once_and_by_another_process_once_disposed()
    {
        var headers = new CachedHeaders("https://example.invalid/simple/six/") { ContentType = "application/vnd.pypi.simple.v1+json" };
        using (var cache = new DiskCache(_folder, _ => { }))
        {
            cache.Write(headers, "{\"files\":[]}"u8);
            using var early = cache.TryRead(headers.Url);
            Assert.NotNull(early);
            Assert.Equal("{\"files\":[]}"u8.ToArray(), early.Body.ToArray());
        }
        using var another = new DiskCache(_folder, _ => { });
        using var late = another.TryRead(headers.Url);
        Assert.NotNull(late);
        Assert.Equal(headers, late.Headers);
        Assert.Equal("{\"files\":[]}"u8.ToArray(), late.Body.ToArray());
    }

    [Fact]
    public void A_cache_that_started_without_its_folder_looks_only_for_what_it_wrote()
    {
        var written = new CachedHeaders("https://example.invalid/simple/six/") { ContentType = "application/json" };
        var other = new CachedHeaders("https://example.invalid/simple/idna/") { ContentType = "application/json" };
        using var cold = new DiskCache(_folder, _ => { });
        cold.Write(written, "{}"u8);
        using (var anotherProcess = new DiskCache(_folder, _ => { }))
        {
            anotherProcess.Write(other, "{}"u8);
        }

        using (var own = cold.TryRead(written.Url))
        {
            Assert.NotNull(own);
        }
        Assert.Null(cold.TryRead(other.Url));
        using var later = new DiskCache(_folder, _ => { });
        using var found = later.TryRead(other.Url);
        Assert.NotNull(found);
    }

    [Fact]
    public void Flush_waits_for_the_files_asked_for_and_the_writer_goes_on_after_it()
    {
        using var writer = new CacheFileWriter();
        var first = Path.Combine(_folder, "first");
        writer.Write(first, [1]);
        writer.Flush();
        Assert.False(writer.TryAnswer(first, out _));
        Assert.Equal([1], File.ReadAllBytes(first));

        var second = Path.Combine(_folder, "second");
        writer.Write(second, [2]);
        writer.Flush();
        Assert.Equal([2], File.ReadAllBytes(second));
    }
}
