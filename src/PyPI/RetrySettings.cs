namespace Req2Nix.PyPI;

/// <summary>
/// How failed requests are retried: exponential backoff with jitter from <see cref="BaseDelay"/> up
/// to <see cref="MaxDelay"/>, at most <see cref="MaxRetries"/> times after the first attempt; a
/// server's <c>Retry-After</c> replaces the backoff, capped at <see cref="MaxRetryAfter"/>.
/// </summary>
public sealed record RetrySettings
{
    public static RetrySettings Default { get; } = new();

    public int MaxRetries
    {
        get;
        init => field = value is >= 0 and <= 100 ? value : throw new ArgumentOutOfRangeException(nameof(MaxRetries), value, "retries are from 0 to 100");
    } = 5;

    public TimeSpan BaseDelay { get; init => field = Positive(value, nameof(BaseDelay)); } = TimeSpan.FromMilliseconds(500);

    public TimeSpan MaxDelay { get; init => field = Positive(value, nameof(MaxDelay)); } = TimeSpan.FromSeconds(20);

    public TimeSpan MaxRetryAfter { get; init => field = Positive(value, nameof(MaxRetryAfter)); } = TimeSpan.FromSeconds(60);

    private static TimeSpan Positive(TimeSpan value, string name) =>
        value > TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(name, value, "a delay must be positive");
}
