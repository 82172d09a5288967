using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using Req2Nix.Packaging.Hashing;
using Req2Nix.PyPI.Caching;
using Req2Nix.Resolver.Index;

namespace Req2Nix.PyPI.Simple;

/// <summary>
/// A parsed project page as bytes: per file its filename and absolute URL (UTF-8, length-prefixed),
/// a byte of flags, then only the fields the flags announce (digests as 32 raw bytes). Reading it
/// back costs the strings, not a JSON or HTML parse nor a <see cref="Uri"/> per file: a warm run
/// reads every listing of the resolution, some of them of thousands of files.
/// </summary>
/// <param name="listedBy">Recorded in every file read back (<see cref="DistributionFile.ListedBy"/>).</param>
internal sealed class CompactProjectPage(ListingOrigin? listedBy = null) : ICompactForm<ProjectPage>
{
    public static CompactProjectPage Instance { get; } = new();

    public string Name => "project-page-v1";

    public byte[] Write(ProjectPage value)
    {
        ArgumentNullException.ThrowIfNull(value);
        // Measured first, then written into an array of exactly that size: pages of thousands of
        // files are written on a cold run's path, and a growing buffer copied them several times.
        var output = new Output(new byte[SizeOf(value)]);
        output.WriteString(value.ApiVersion);
        output.WriteCount(value.Files.Count);
        foreach (var file in value.Files)
        {
            output.WriteString(file.Filename);
            output.WriteString(UrlText(file));
            output.WriteByte((byte)FlagsOf(file));
            output.WriteDigest(file.Sha256);
            output.WriteString(file.RequiresPython, optional: true);
            output.WriteString(file.YankedReason, optional: true);
            output.WriteDigest(file.CoreMetadataSha256);
            if (file.Size is { } size)
            {
                output.WriteInt64(size);
            }
        }
        return output.Bytes;
    }

    private static int SizeOf(ProjectPage value)
    {
        var size = StringSize(value.ApiVersion) + sizeof(int);
        foreach (var file in value.Files)
        {
            size += StringSize(file.Filename) + StringSize(UrlText(file)) + 1
                + (file.Sha256 is null ? 0 : Sha256Digest.Length)
                + (file.RequiresPython is null ? 0 : StringSize(file.RequiresPython))
                + (file.YankedReason is null ? 0 : StringSize(file.YankedReason))
                + (file.CoreMetadataSha256 is null ? 0 : Sha256Digest.Length)
                + (file.Size is null ? 0 : sizeof(long));
        }
        return size;
    }

    private static int StringSize(string? text) => sizeof(int) + (text is null ? 0 : Encoding.UTF8.GetByteCount(text));

    /// <summary>The URL as it was made: absolute, and without a new string per file.</summary>
    private static string UrlText(DistributionFile file) => file.Url.IsAbsoluteUri ? file.Url.OriginalString : file.Url.AbsoluteUri;

    private static Flags FlagsOf(DistributionFile file)
    {
        var flags = Flags.None;
        flags |= file.Sha256 is null ? 0 : Flags.Sha256;
        flags |= file.RequiresPython is null ? 0 : Flags.RequiresPython;
        flags |= file.Yanked ? Flags.Yanked : 0;
        flags |= file.YankedReason is null ? 0 : Flags.YankedReason;
        flags |= file.HasCoreMetadata ? Flags.CoreMetadata : 0;
        flags |= file.CoreMetadataSha256 is null ? 0 : Flags.CoreMetadataSha256;
        flags |= file.Size is null ? 0 : Flags.Size;
        return flags;
    }

    public bool TryRead(ReadOnlySpan<byte> bytes, [MaybeNullWhen(false)] out ProjectPage value)
    {
        value = null;
        var reader = new Reader(bytes);
        if (!reader.TryString(out var apiVersion) || !reader.TryCount(out var count))
        {
            return false;
        }
        var files = new DistributionFile[count];
        string? lastRequiresPython = null;
        for (var i = 0; i < count; i++)
        {
            if (!reader.TryString(out var filename) || filename is null
                || !reader.TryString(out var urlText) || urlText is null
                || !reader.TryByte(out var flagByte))
            {
                return false;
            }
            var flags = (Flags)flagByte;
            Sha256Digest? sha256 = null;
            Sha256Digest? coreMetadataSha256 = null;
            string? requiresPython = null;
            string? yankedReason = null;
            long? size = null;
            if ((Has(flags, Flags.Sha256) && !reader.TryDigest(out sha256))
                || (Has(flags, Flags.RequiresPython) && !reader.TryString(out requiresPython, lastRequiresPython))
                || (Has(flags, Flags.YankedReason) && !reader.TryString(out yankedReason))
                || (Has(flags, Flags.CoreMetadataSha256) && !reader.TryDigest(out coreMetadataSha256))
                || (Has(flags, Flags.Size) && !reader.TryInt64(out size)))
            {
                return false;
            }
            lastRequiresPython = requiresPython ?? lastRequiresPython;
            // The text was written from a parsed absolute Uri (and the entry's checksum held): it is
            // parsed again only if the resolution asks for this file's URL.
            files[i] = new DistributionFile(filename, urlText)
            {
                Sha256 = sha256,
                RequiresPython = requiresPython,
                Yanked = Has(flags, Flags.Yanked),
                YankedReason = yankedReason,
                HasCoreMetadata = Has(flags, Flags.CoreMetadata),
                CoreMetadataSha256 = coreMetadataSha256,
                Size = size,
                ListedBy = listedBy,
            };
        }
        if (!reader.AtEnd)
        {
            return false;
        }
        value = new ProjectPage(files, apiVersion);
        return true;
    }

    /// <summary>A bit test (<see cref="Enum.HasFlag"/> boxes until the JIT optimises it, and a warm run is short).</summary>
    private static bool Has(Flags flags, Flags flag) => (flags & flag) != 0;

    /// <summary>Writes into an array sized beforehand (<see cref="SizeOf"/>).</summary>
    private sealed class Output(byte[] bytes)
    {
        private int _position;

        public byte[] Bytes => _position == bytes.Length
            ? bytes
            : throw new InvalidOperationException($"internal error: the page measured {bytes.Length} bytes and wrote {_position}");

        public void WriteCount(int count)
        {
            BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(_position), count);
            _position += sizeof(int);
        }

        public void WriteInt64(long value)
        {
            BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(_position), value);
            _position += sizeof(long);
        }

        public void WriteByte(byte value) => bytes[_position++] = value;

        /// <summary>A length (-1 for null) and the UTF-8 bytes; an optional string is written only when present.</summary>
        public void WriteString(string? text, bool optional = false)
        {
            if (text is null)
            {
                if (!optional)
                {
                    WriteCount(-1);
                }
                return;
            }
            var lengthAt = _position;
            _position += sizeof(int);
            var length = Encoding.UTF8.GetBytes(text, bytes.AsSpan(_position));
            BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(lengthAt), length);
            _position += length;
        }

        public void WriteDigest(Sha256Digest? digest)
        {
            if (digest is { } value)
            {
                value.Bytes.CopyTo(bytes.AsSpan(_position));
                _position += Sha256Digest.Length;
            }
        }
    }

    [Flags]
    private enum Flags : byte
    {
        None = 0,
        Sha256 = 1,
        RequiresPython = 2,
        Yanked = 4,
        YankedReason = 8,
        CoreMetadata = 16,
        CoreMetadataSha256 = 32,
        Size = 64,
    }

    /// <summary>Reads the fields back, failing (never throwing) on bytes that end early or lie about a length.</summary>
    private ref struct Reader(ReadOnlySpan<byte> bytes)
    {
        private readonly ReadOnlySpan<byte> _bytes = bytes;
        private int _position;

        public readonly bool AtEnd => _position == _bytes.Length;

        public bool TryByte(out byte value)
        {
            value = 0;
            if (_position >= _bytes.Length)
            {
                return false;
            }
            value = _bytes[_position++];
            return true;
        }

        public bool TryCount(out int count)
        {
            count = 0;
            if (_bytes.Length - _position < sizeof(int))
            {
                return false;
            }
            count = BinaryPrimitives.ReadInt32LittleEndian(_bytes[_position..]);
            _position += sizeof(int);
            // Every file takes at least 9 bytes: a bound that keeps a damaged count from allocating much.
            return count >= 0 && count <= (_bytes.Length - _position) / 9;
        }

        public bool TryInt64(out long? value)
        {
            value = null;
            if (_bytes.Length - _position < sizeof(long))
            {
                return false;
            }
            value = BinaryPrimitives.ReadInt64LittleEndian(_bytes[_position..]);
            _position += sizeof(long);
            return true;
        }

        public bool TryDigest(out Sha256Digest? digest)
        {
            digest = null;
            if (_bytes.Length - _position < Sha256Digest.Length)
            {
                return false;
            }
            digest = Sha256Digest.FromBytes(_bytes.Slice(_position, Sha256Digest.Length));
            _position += Sha256Digest.Length;
            return true;
        }

        /// <param name="previous">Returned instead of a new string when the bytes spell it (the files of a release repeat their Requires-Python).</param>
        public bool TryString(out string? text, string? previous = null)
        {
            text = null;
            if (_bytes.Length - _position < sizeof(int))
            {
                return false;
            }
            var length = BinaryPrimitives.ReadInt32LittleEndian(_bytes[_position..]);
            _position += sizeof(int);
            if (length == -1)
            {
                return true;
            }
            if (length < 0 || length > _bytes.Length - _position)
            {
                return false;
            }
            var utf8 = _bytes.Slice(_position, length);
            _position += length;
            text = previous is not null && previous.Length == length && Ascii.Equals(utf8, previous)
                ? previous
                : Encoding.UTF8.GetString(utf8);
            return true;
        }
    }
}
