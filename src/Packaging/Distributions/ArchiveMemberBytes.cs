using System.Buffers;

namespace Req2Nix.Packaging.Distributions;

/// <summary>Reads one member of a distribution archive (wheel or sdist) into memory, up to a cap.</summary>
public static class ArchiveMemberBytes
{
    /// <summary>
    /// The member's bytes, or null when it holds more than <paramref name="cap"/> bytes (read no
    /// further than that). <paramref name="declaredLength"/> is the size the archive states: a hint
    /// only (the data decides), which lets a member of that size land in one array, not copied.
    /// </summary>
    public static byte[]? ReadAtMost(Stream data, int cap, long declaredLength)
    {
        ArgumentNullException.ThrowIfNull(data);
        using var copy = new MemoryStream((int)Math.Clamp(declaredLength, 0, cap));
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = data.Read(chunk)) > 0)
            {
                if (copy.Length + read > cap)
                {
                    return null;
                }
                copy.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
        return copy.Length == copy.Capacity ? copy.GetBuffer() : copy.ToArray();
    }
}
