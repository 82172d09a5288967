using System.Collections.Concurrent;
using System.Threading.Channels;
using Req2Nix.Emit;
using Req2Nix.Packaging.Names;
using Req2Nix.Packaging.Pep440;
using Req2Nix.Packaging.Targets;
using Req2Nix.Resolver;

namespace Req2Nix.Cli;

/// <summary>
/// Starts reading build facts while the resolver runs: when a release is first pinned on some
/// system, the file <see cref="BuildFiles"/> would inspect for it there is queued in the reader's
/// table, and a few workers read the queue, so the downloads overlap the resolution instead of
/// following it. A pin later backtracked costs at most its one read, whose outcome no one reports.
/// The workers take at most <see cref="WorkersFor"/> of the client's request slots, so that the
/// resolver's own requests keep the rest; <see cref="Stop"/> ends the queue when the resolution is
/// final (the fill then starts what it still needs itself).
/// </summary>
internal sealed class SpeculativeBuildFacts : IResolutionObserver, IAsyncDisposable
{
    private readonly BuildFactsReader _reader;
    private readonly WheelPolicy _policy;
    private readonly PythonTarget _python;
    private readonly ConcurrentDictionary<(PackageName, Pep440Version), bool> _releases = new();
    private readonly Channel<FileFactsRead> _queue = Channel.CreateUnbounded<FileFactsRead>(new UnboundedChannelOptions { SingleReader = false, SingleWriter = false });
    private readonly CancellationTokenSource _lifetime;
    private readonly Task[] _workers;
    private volatile bool _stopped;

    public SpeculativeBuildFacts(BuildFactsReader reader, WheelPolicy policy, PythonTarget python, int workers, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(workers);
        _reader = reader;
        _policy = policy;
        _python = python;
        _lifetime = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _workers = new Task[workers];
        for (var i = 0; i < workers; i++)
        {
            _workers[i] = Task.Run(WorkAsync, CancellationToken.None);
        }
    }

    /// <summary>A quarter of the client's request slots, at least one.</summary>
    public static int WorkersFor(int maxConcurrency) => Math.Max(1, maxConcurrency / 4);

    public void Pinned(PinnedRelease release)
    {
        ArgumentNullException.ThrowIfNull(release);
        if (_stopped || !_releases.TryAdd((release.Name, release.Version), true))
        {
            return;
        }
        var files = new ResolvedFile[release.Files.Count];
        for (var i = 0; i < files.Length; i++)
        {
            var file = release.Files[i];
            if (file.Sha256 is not { } digest)
            {
                // The digest would need a download of its own: leave the release to the final fill.
                return;
            }
            files[i] = new ResolvedFile(file.Filename, file.Url.ToString(), digest);
        }
        var systems = SystemSet.Of(release.System);
        var package = new ResolvedPackage(release.Name, release.Version) { Source = release.Source, Files = files, Systems = systems };
        if (BuildFiles.ToInspect(package, systems, _python, _policy) is { } chosen)
        {
            var read = _reader.ReadOf(chosen, out var added);
            if (added)
            {
                _queue.Writer.TryWrite(read);
            }
        }
    }

    /// <summary>No more reads start here: the resolution is final (reads under way go on).</summary>
    public void Stop()
    {
        _stopped = true;
        _queue.Writer.TryComplete();
    }

    public async ValueTask DisposeAsync()
    {
        Stop();
        await _lifetime.CancelAsync();
        await Task.WhenAll(_workers);
        _lifetime.Dispose();
    }

    private async Task WorkAsync()
    {
        try
        {
            await foreach (var read in _queue.Reader.ReadAllAsync(_lifetime.Token))
            {
                if (_stopped)
                {
                    return;
                }
                if (read.TryClaim())
                {
                    await read.RunAsync(_reader.ReadAsync, _lifetime.Token);
                }
            }
        }
        catch (OperationCanceledException) when (_lifetime.IsCancellationRequested)
        {
            // Disposed or cancelled: whoever needs a read awaits it with their own token.
        }
    }
}
