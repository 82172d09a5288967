using System.Text;
using Req2Nix.Cli;

namespace Req2Nix.Cli.Tests;

public class OpenedOnFirstUseStreamTests
{
    [Fact]
    public void A_writer_that_flushes_and_is_closed_without_writing_never_opens_the_stream()
    {
        var opened = 0;
        var stream = new OpenedOnFirstUseStream(() => { opened++; return new MemoryStream(); }, canRead: false, canWrite: true);

        using (var writer = new StreamWriter(stream, new UTF8Encoding(false)) { AutoFlush = true })
        {
            writer.Flush();
        }

        Assert.Equal(0, opened);
    }

    [Fact]
    public async Task The_first_write_opens_the_stream_once_and_the_bytes_reach_it()
    {
        var opened = 0;
        var inner = new MemoryStream();
        using var stream = new OpenedOnFirstUseStream(() => { opened++; return inner; }, canRead: false, canWrite: true);

        stream.Write("req"u8);
        await stream.WriteAsync("2nix"u8.ToArray());
        await stream.FlushAsync();

        Assert.Equal(1, opened);
        Assert.Equal("req2nix", Encoding.UTF8.GetString(inner.ToArray()));
    }

    [Fact]
    public void Reads_come_from_the_opened_stream()
    {
        using var stream = new OpenedOnFirstUseStream(() => new MemoryStream("-r base.txt\n"u8.ToArray()), canRead: true, canWrite: false);
        using var reader = new StreamReader(stream);

        Assert.True(stream.CanRead);
        Assert.False(stream.CanWrite);
        Assert.Equal("-r base.txt", reader.ReadLine());
    }

    [Fact]
    public void Closing_an_opened_stream_closes_what_it_opened()
    {
        var inner = new MemoryStream();
        var stream = new OpenedOnFirstUseStream(() => inner, canRead: false, canWrite: true);
        stream.WriteByte(1);

        stream.Dispose();

        Assert.False(inner.CanWrite);
    }
}
