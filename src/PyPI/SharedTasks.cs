using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace Req2Nix.PyPI;

/// <summary>
/// One task per key for the client's lifetime: concurrent and later callers share it, so a URL is
/// asked once however often and however concurrently it is needed. Each caller waits with its own
/// cancellation token; cancelling one caller does not cancel the shared work.
/// </summary>
internal sealed class SharedTasks<TKey, TValue>
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, Lazy<Task<TValue>>> _tasks;

    public SharedTasks(IEqualityComparer<TKey>? comparer = null) => _tasks = new(comparer);

    public int Count => _tasks.Count;

    /// <summary>The task for <paramref name="key"/>, when one was asked for (no work for a new key is started here).</summary>
    public bool TryGet(TKey key, [MaybeNullWhen(false)] out Task<TValue> task)
    {
        task = _tasks.TryGetValue(key, out var started) ? started.Value : null;
        return task is not null;
    }

    public Task<TValue> GetOrStart(TKey key, Func<TKey, Task<TValue>> start) =>
        _tasks.GetOrAdd(key, static (k, s) => new Lazy<Task<TValue>>(() => s(k)), start).Value;

    public Task<TValue> GetOrStart(TKey key, Func<TKey, Task<TValue>> start, CancellationToken cancellationToken) =>
        GetOrStart(key, start).WaitAsync(cancellationToken);
}
