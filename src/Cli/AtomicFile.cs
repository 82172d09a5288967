namespace Req2Nix.Cli;

/// <summary>
/// Writes a file so that readers see either the old content or the new, never a half-written or
/// emptied file: the bytes go to a temporary file beside the target, which then replaces it.
/// </summary>
public static class AtomicFile
{
    /// <remarks>
    /// The bytes are flushed to the disk before the rename, so that a crash cannot leave an empty
    /// file in place of the old one.
    /// </remarks>
    public static void Write(string path, ReadOnlySpan<byte> content)
    {
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full) ?? ".";
        var temporary = Path.Combine(directory, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(content);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, full, overwrite: true);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
