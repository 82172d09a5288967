using Req2Nix.Resolver;

namespace Req2Nix.Cli;

/// <summary>
/// One file's read in a run's table (<see cref="BuildFactsReader"/>): run once, by whoever claims it
/// first — a speculative worker while the resolver runs, or the final fill — and awaited by anyone.
/// </summary>
internal sealed class FileFactsRead
{
    private readonly TaskCompletionSource<FileFacts> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _claimed;

    public FileFactsRead(ResolvedFile file)
    {
        File = file;
    }

    public ResolvedFile File { get; }

    /// <summary>The outcome; faulted with the read's error (a digest mismatch), cancelled when the read was.</summary>
    public Task<FileFacts> Completion => _completion.Task;

    public bool IsClaimed => Volatile.Read(ref _claimed) != 0;

    /// <summary>True for the one caller that must then <see cref="RunAsync"/> it.</summary>
    public bool TryClaim() => Interlocked.Exchange(ref _claimed, 1) == 0;

    public async Task RunAsync(Func<ResolvedFile, CancellationToken, Task<FileFacts>> read, CancellationToken cancellationToken)
    {
        try
        {
            _completion.TrySetResult(await read(File, cancellationToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException exception)
        {
            _completion.TrySetCanceled(exception.CancellationToken);
        }
        catch (Exception exception)
        {
            _completion.TrySetException(exception);
            // Observed here: a read nobody needs in the end must not surface as an unobserved task
            // exception; whoever awaits the read still gets the error.
            _ = _completion.Task.Exception;
        }
    }
}
