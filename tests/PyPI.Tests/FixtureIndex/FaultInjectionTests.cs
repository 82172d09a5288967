using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using Req2Nix.FixtureIndex;

namespace Req2Nix.PyPI.Tests.FixtureIndex;

public sealed class FaultInjectionTests : LoopbackIndex
{
    private const string Wheel = "/packages/py3/i/idna/idna-2.10-py3-none-any.whl";

    [Theory]
    [InlineData(503)]
    [InlineData(500)]
    [InlineData(502)]
    public async Task A_failure_rate_of_one_fails_every_request_with_the_configured_status(int status)
    {
        Server.Faults = FaultSettings.None with { FailureRate = 1, FailureStatus = status };

        foreach (var path in new[] { "/simple/idna/", "/pypi/idna/json", Wheel, "/simple/no-such-project/" })
        {
            using var response = await Client.GetAsync(Server.Url(path));

            Assert.Equal(status, (int)response.StatusCode);
        }
        Assert.All(Server.Requests.Records(), r => Assert.Equal(FaultKind.Failure, r.Faults));
    }

    [Fact]
    public async Task The_default_failure_is_503_without_Retry_After()
    {
        Server.Faults = FaultSettings.None with { FailureRate = 1 };

        using var response = await Client.GetAsync(Server.Url("/simple/idna/"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Null(response.Headers.RetryAfter);
    }

    [Fact]
    public async Task A_429_says_when_to_retry_in_whole_seconds()
    {
        Server.Faults = FaultSettings.None with { FailureRate = 1, FailureStatus = 429, RetryAfter = TimeSpan.FromMilliseconds(1500) };

        using var response = await Client.GetAsync(Server.Url("/simple/idna/"));

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(2), response.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task A_fixed_status_answers_one_path_the_same_for_ever()
    {
        Server.Faults = FaultSettings.None.WithFixedStatus("/simple/idna/", 500);

        for (var i = 0; i < 5; i++)
        {
            using var broken = await Client.GetAsync(Server.Url("/simple/idna/"));
            using var fine = await Client.GetAsync(Server.Url("/pypi/idna/json"));

            Assert.Equal(HttpStatusCode.InternalServerError, broken.StatusCode);
            Assert.Equal(HttpStatusCode.OK, fine.StatusCode);
        }
        Assert.Equal(5, Server.Requests.CountFor("/simple/idna/", 500));
        Assert.All(Server.Requests.Records().Where(r => r.Status == 500), r => Assert.Equal(FaultKind.FixedStatus, r.Faults));
    }

    [Fact]
    public async Task A_corrupted_file_has_its_length_and_wrong_bytes()
    {
        using var good = await Client.GetAsync(Server.Url(Wheel));
        var expected = await good.Content.ReadAsByteArrayAsync();
        Server.Faults = FaultSettings.None.WithCorruptedBody(Wheel);

        using var corrupted = await Client.GetAsync(Server.Url(Wheel));
        using var other = await Client.GetAsync(Server.Url("/packages/py3/i/idna/idna-2.9-py3-none-any.whl"));

        var bytes = await corrupted.Content.ReadAsByteArrayAsync();
        Assert.Equal(HttpStatusCode.OK, corrupted.StatusCode);
        Assert.Equal(expected.Length, corrupted.Content.Headers.ContentLength);
        Assert.Equal(expected.Length, bytes.Length);
        Assert.NotEqual(SHA256.HashData(expected), SHA256.HashData(bytes));
        Assert.Equal(good.Headers.ETag, corrupted.Headers.ETag);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal(FaultKind.Corrupted, Server.Requests.Records()[^2].Faults);
    }

    [Fact]
    public async Task A_corrupted_document_is_corrupted_before_it_is_compressed()
    {
        const string Page = "/simple/idna/";
        using var good = await Client.GetAsync(Server.Url(Page));
        var expected = await good.Content.ReadAsByteArrayAsync();
        Server.Faults = FaultSettings.None.WithCorruptedBody(Page);

        using var client = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.GZip });
        var decoded = await client.GetByteArrayAsync(Server.Url(Page));

        Assert.Equal(expected.Length, decoded.Length);
        Assert.NotEqual(expected, decoded);
    }

    [Theory]
    [InlineData(Wheel, null)]
    [InlineData("/pypi/idna/json", null)]
    [InlineData("/pypi/idna/json", "gzip")]
    public async Task A_truncated_response_promises_the_whole_body_and_is_cut_part_way(string path, string? acceptEncoding)
    {
        (string, string)[] headers = acceptEncoding is null ? [] : [("Accept-Encoding", acceptEncoding)];
        using var whole = await Client.GetAsync(Server.Url(path), headers);
        var length = whole.Content.Headers.ContentLength;
        Server.Faults = FaultSettings.None with { TruncationRate = 1 };

        using var request = new HttpRequestMessage(HttpMethod.Get, Server.Url(path));
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        using var response = await Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(length, response.Content.Headers.ContentLength);
        await using var body = await response.Content.ReadAsStreamAsync();
        var received = 0L;
        var buffer = new byte[4096];
        var error = await Record.ExceptionAsync(async () =>
        {
            int read;
            while ((read = await body.ReadAsync(buffer)) > 0)
            {
                received += read;
            }
        });
        Assert.IsType<HttpIOException>(error, exactMatch: false);
        Assert.InRange(received, 0, length!.Value - 1);
        Assert.Equal(FaultKind.Truncated, Server.Requests.Records()[^1].Faults);
    }

    [Fact]
    public async Task Body_faults_spare_responses_without_a_body()
    {
        using var first = await Client.GetAsync(Server.Url(Wheel));
        Server.Faults = (FaultSettings.None with { TruncationRate = 1 }).WithCorruptedBody(Wheel).WithCorruptedBody("/simple/IDNA/");

        using var head = await Client.SendAsync(HttpMethod.Head, Server.Url(Wheel));
        using var notModified = await Client.GetAsync(Server.Url(Wheel), ("If-None-Match", first.Headers.ETag!.Tag));
        using var redirect = await Client.GetAsync(Server.Url("/simple/IDNA/"));

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(HttpStatusCode.MovedPermanently, redirect.StatusCode);
        Assert.All(Server.Requests.Records().Skip(1), r => Assert.Equal(FaultKind.None, r.Faults));
    }

    [Fact]
    public async Task Latency_is_added_to_every_request()
    {
        Server.Faults = FaultSettings.None with { Latency = TimeSpan.FromMilliseconds(60) };

        foreach (var path in new[] { "/simple/idna/", "/simple/no-such-project/" })
        {
            var watch = Stopwatch.StartNew();
            using var response = await Client.GetAsync(Server.Url(path));

            Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(60), $"{path} took {watch.Elapsed.TotalMilliseconds} ms");
        }
    }

    [Fact]
    public async Task Faults_change_at_run_time_and_their_counts_restart()
    {
        for (var i = 0; i < 3; i++)
        {
            using var warmUp = await Client.GetAsync(Server.Url("/simple/idna/"));
            Assert.Equal(HttpStatusCode.OK, warmUp.StatusCode);
        }

        Server.Faults = FaultSettings.None with { FailureRate = 1 };
        using var failed = await Client.GetAsync(Server.Url("/simple/idna/"));
        Server.Faults = FaultSettings.None;
        using var healed = await Client.GetAsync(Server.Url("/simple/idna/"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, healed.StatusCode);
        Assert.Equal([1L, 2L, 3L, 1L, 1L], Server.Requests.Records().Select(r => r.Ordinal));
    }

    [Fact]
    public void Settings_refuse_values_that_mean_nothing()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FaultSettings.None with { FailureRate = 1.5 });
        Assert.Throws<ArgumentOutOfRangeException>(() => FaultSettings.None with { TruncationRate = -0.1 });
        Assert.Throws<ArgumentOutOfRangeException>(() => FaultSettings.None with { FailureStatus = 42 });
        Assert.Throws<ArgumentOutOfRangeException>(() => FaultSettings.None with { Latency = TimeSpan.FromSeconds(-1) });
        Assert.Throws<ArgumentException>(() => FaultSettings.None.WithFixedStatus("simple/idna/", 500));
        Assert.Throws<ArgumentException>(() => FaultSettings.None.WithCorruptedBody("packages/x.whl"));
    }
}
