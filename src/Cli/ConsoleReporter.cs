using Req2Nix.PyPI;

namespace Req2Nix.Cli;

/// <summary>
/// Everything req2nix says on stderr: warnings, errors, and — only on a terminal and unless
/// <c>-q</c> — a one-line progress display redrawn in place while the index is busy. Colour only
/// on a terminal and never with <c>NO_COLOR</c> set or <c>TERM=dumb</c>. Stdout is never touched.
/// </summary>
public sealed class ConsoleReporter
{
    private readonly TextWriter _stderr;
    private readonly Verbosity _verbosity;
    private readonly bool _live;
    private readonly bool _colour;
    private readonly Lock _gate = new();
    private readonly long _started = System.Diagnostics.Stopwatch.GetTimestamp();
    private string _phase = string.Empty;
    private bool _lineDrawn;

    public ConsoleReporter(CliContext context, Verbosity verbosity)
    {
        ArgumentNullException.ThrowIfNull(context);
        _stderr = context.Stderr;
        _verbosity = verbosity;
        var dumb = context.GetVariable("TERM") == "dumb";
        _live = context.StderrIsTerminal && !dumb && verbosity != Verbosity.Quiet;
        _colour = context.StderrIsTerminal && !dumb && context.GetVariable("NO_COLOR") is null;
    }

    public void Phase(string phase)
    {
        lock (_gate)
        {
            _phase = phase;
        }
        if (_verbosity == Verbosity.Verbose)
        {
            WriteLine($"{Elapsed()} {phase}");
        }
    }

    public void Warn(string message)
    {
        if (_verbosity != Verbosity.Quiet)
        {
            WriteLine($"{Paint("warning", "33")}: {message}");
        }
    }

    /// <summary>A line only for <c>-v</c>.</summary>
    public void Detail(string message)
    {
        if (_verbosity == Verbosity.Verbose)
        {
            WriteLine(message);
        }
    }

    public void Error(string message) => WriteLine($"{Paint("error", "31")}: {message}");

    /// <summary>The client's log lines, for <c>-v</c>.</summary>
    public void Log(IndexClientEvent entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        WriteLine($"{entry.Kind.ToString().ToLowerInvariant()}: {entry.Message}");
    }

    /// <summary>The closing summary, shown unless <c>-q</c> (with the time taken under <c>-v</c>).</summary>
    public void Done(string summary)
    {
        if (_verbosity != Verbosity.Quiet)
        {
            WriteLine(_verbosity == Verbosity.Verbose ? $"{Elapsed()} {summary}" : summary);
        }
    }

    /// <summary>Redraws the progress line from the client's counts until disposed (only on a terminal).</summary>
    public IDisposable Track(PyPIClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (!_live)
        {
            return NoProgress.Instance;
        }
        return new ProgressLine(this, client);
    }

    private void Draw(IndexClientCounts counts, ProgressLine line)
    {
        lock (_gate)
        {
            if (line.Stopped)
            {
                return;
            }
            var megabytes = counts.BytesReceived / (1024.0 * 1024.0);
            _stderr.Write($"\r\u001b[K{Paint(_phase, "1")}: {counts.Requests} requests, {counts.CacheHits} from cache, {megabytes:F1} MB");
            _stderr.Flush();
            _lineDrawn = true;
        }
    }

    /// <summary>One line on stderr, after wiping the progress line if one is drawn.</summary>
    private void WriteLine(string text)
    {
        lock (_gate)
        {
            ClearLine();
            _stderr.WriteLine($"req2nix: {text}");
        }
    }

    private string Elapsed() => string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"[{System.Diagnostics.Stopwatch.GetElapsedTime(_started).TotalSeconds:F3} s]");

    private void ClearLine()
    {
        if (_lineDrawn)
        {
            _stderr.Write("\r\u001b[K");
            _lineDrawn = false;
        }
    }

    private string Paint(string text, string sgr) => _colour ? $"\u001b[{sgr}m{text}\u001b[0m" : text;

    private sealed class ProgressLine : IDisposable
    {
        private readonly ConsoleReporter _owner;
        private readonly Timer _timer;

        public ProgressLine(ConsoleReporter owner, PyPIClient client)
        {
            _owner = owner;
            _timer = new Timer(_ => owner.Draw(client.Counts, this), null, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(100));
        }

        /// <summary>Read and written under the owner's lock, so that no line is drawn after <see cref="Dispose"/>.</summary>
        public bool Stopped { get; private set; }

        public void Dispose()
        {
            lock (_owner._gate)
            {
                Stopped = true;
                _owner.ClearLine();
            }
            _timer.Dispose();
        }
    }

    private sealed class NoProgress : IDisposable
    {
        public static NoProgress Instance { get; } = new();

        public void Dispose()
        {
        }
    }
}
