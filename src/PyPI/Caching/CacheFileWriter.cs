using System.Collections.Concurrent;

namespace Req2Nix.PyPI.Caching;

/// <summary>
/// Writes cache files behind the run, one at a time, on a thread of its own that starts with the
/// first write; each file goes to a temporary file beside it that is then renamed into place, so
/// readers (other processes too) see a whole file or none. Until a file is on disk,
/// <see cref="TryAnswer"/> answers it from memory. <see cref="Dispose"/> waits for every file
/// asked for.
/// </summary>
/// <remarks>
/// A cold run writes hundreds of entries. Written by the threads that fetched them, they held
/// request slots while being written, and concurrent creates and renames in one folder wait for the
/// folder's lock, for which ext4 spins: 80–130 ms of a cold 166-package run's CPU went to that spin.
/// </remarks>
public sealed class CacheFileWriter : IDisposable
{
    private readonly object _gate = new();
    private readonly Queue<(string Path, byte[] Content)> _queue = new();
    private readonly ConcurrentDictionary<string, byte[]> _pending = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _createdFolders = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _written = new(StringComparer.Ordinal);
    private readonly HashSet<string> _absentFolders = new(StringComparer.Ordinal);
    private readonly Action<string>? _warn;
    private Thread? _thread;
    private bool _writing;
    private bool _disposed;
    private int _failureCount;
    private string? _firstFailure;

    /// <param name="warn">Told of a file that cannot be written (the cache then misses it); null: nobody is.</param>
    /// <param name="folders">
    /// The folders the caller writes to and reads from. Those that do not exist yet (a cold run's
    /// cache) can hold only what this writer puts there: <see cref="TryAnswer"/> says so without
    /// looking. (Looking up a name that is not there waits for the folder's lock, which the writer
    /// holds while it renames: 25 ms of a cold run's CPU, spinning.)
    /// </param>
    public CacheFileWriter(Action<string>? warn = null, IEnumerable<string>? folders = null)
    {
        _warn = warn;
        foreach (var folder in folders ?? [])
        {
            if (!Directory.Exists(folder))
            {
                _absentFolders.Add(Path.TrimEndingDirectorySeparator(folder));
            }
        }
    }

    /// <summary>
    /// Writes <paramref name="content"/> to <paramref name="path"/> (its folder made if need be),
    /// replacing what is there. The caller gives the array up: it must not change it afterwards.
    /// </summary>
    public void Write(string path, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(content);
        lock (_gate)
        {
            if (!_disposed)
            {
                _pending[path] = content;
                _queue.Enqueue((path, content));
                if (_thread is null)
                {
                    _thread = new Thread(WriteQueued) { IsBackground = true, Name = "req2nix cache writer" };
                    _thread.Start();
                }
                else
                {
                    Monitor.PulseAll(_gate);
                }
                return;
            }
        }
        WriteNow(path, content);
    }

    /// <summary>
    /// What can be told of the file at <paramref name="path"/> without the disk: true with its content
    /// when it is not written yet; true with null when it cannot be there (its folder did not exist
    /// when this writer was made, and this writer has not written it). False: look on disk.
    /// </summary>
    public bool TryAnswer(string path, out byte[]? content)
    {
        if (_pending.TryGetValue(path, out var pending))
        {
            content = pending;
            return true;
        }
        content = null;
        return _absentFolders.Count > 0 && _absentFolders.Contains(Path.GetDirectoryName(path)!) && !_written.ContainsKey(path);
    }

    /// <summary>The files that could not be written so far; null when none failed.</summary>
    public CacheWriteFailures? Failures
    {
        get
        {
            lock (_gate)
            {
                return _firstFailure is null ? null : new CacheWriteFailures(_failureCount, _firstFailure);
            }
        }
    }

    /// <summary>Forgets a file not yet written, as a deletion would remove it once written.</summary>
    public void Forget(string path) => _pending.TryRemove(path, out _);

    /// <summary>Waits until every file asked for so far is written (or has failed).</summary>
    public void Flush()
    {
        lock (_gate)
        {
            while (_queue.Count > 0 || _writing)
            {
                Monitor.Wait(_gate);
            }
        }
    }

    /// <summary>Waits until every file asked for is written; later writes happen at once, on the caller's thread.</summary>
    public void Dispose()
    {
        Thread? thread;
        lock (_gate)
        {
            _disposed = true;
            thread = _thread;
            Monitor.PulseAll(_gate);
        }
        thread?.Join();
    }

    private void WriteQueued()
    {
        while (true)
        {
            (string Path, byte[] Content) next;
            lock (_gate)
            {
                while (_queue.Count == 0)
                {
                    if (_disposed)
                    {
                        return;
                    }
                    Monitor.Wait(_gate);
                }
                next = _queue.Dequeue();
                _writing = true;
            }
            // Not pending any more only if nothing newer, nor a Forget, came in meanwhile.
            if (_pending.TryGetValue(next.Path, out var latest) && ReferenceEquals(latest, next.Content))
            {
                WriteNow(next.Path, next.Content);
                _pending.TryRemove(new KeyValuePair<string, byte[]>(next.Path, next.Content));
            }
            lock (_gate)
            {
                _writing = false;
                Monitor.PulseAll(_gate);
            }
        }
    }

    private void WriteNow(string path, byte[] content)
    {
        _written.TryAdd(path, true);
        var temporary = $"{path}.tmp-{Environment.ProcessId}-{Guid.NewGuid():N}";
        var folder = Path.GetDirectoryName(path)!;
        try
        {
            if (!_createdFolders.ContainsKey(folder))
            {
                Directory.CreateDirectory(folder);
                _createdFolders.TryAdd(folder, true);
            }
            using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0))
            {
                file.Write(content);
            }
            File.Move(temporary, path, overwrite: true);
        }
        catch (DirectoryNotFoundException) when (_createdFolders.TryRemove(folder, out _))
        {
            // The folder went away while this process ran: make it again, once.
            WriteNow(path, content);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            lock (_gate)
            {
                _failureCount++;
                _firstFailure ??= $"{path}: {e.Message}";
            }
            _warn?.Invoke($"the cache entry {path} cannot be written ({e.Message}); continuing without it");
            TryDelete(temporary);
        }
    }

    internal static bool TryDelete(string path)
    {
        try
        {
            File.Delete(path);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
