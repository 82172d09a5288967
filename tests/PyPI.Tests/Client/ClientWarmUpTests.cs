using System.Text;
using Req2Nix.PyPI.Http;

namespace Req2Nix.PyPI.Tests.Client;

public sealed class ClientWarmUpTests
{
    /// <summary>
    /// Its index host is reserved (RFC 2606: <c>.invalid</c> never resolves), so the two requests can
    /// only have been answered by the canned connections, never by a socket.
    /// </summary>
    [Fact]
    public void The_warm_up_reads_a_page_and_its_metadata_through_the_whole_client_without_a_socket()
    {
        var counts = ClientWarmUp.Run();

        Assert.Equal(2, counts.Requests);
        Assert.Equal(0, counts.Retries);
        Assert.Equal(0, counts.CacheHits);
        Assert.True(counts.BytesReceived > 0);
    }

    [Fact]
    public void A_second_warm_up_in_the_same_process_does_the_same()
    {
        Assert.Equal(2, ClientWarmUp.Run().Requests);
        Assert.Equal(2, ClientWarmUp.Run().Requests);
    }

    [Fact]
    public async Task A_canned_connection_drops_what_is_written_and_gives_its_response_then_the_end()
    {
        var response = Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
        await using var connection = new CannedConnection(response);

        await connection.WriteAsync(Encoding.ASCII.GetBytes("GET / HTTP/1.1\r\n\r\n"));
        var read = new byte[response.Length + 10];
        var count = await connection.ReadAsync(read);

        Assert.Equal(response, read[..count]);
        Assert.Equal(0, await connection.ReadAsync(read));
    }
}
