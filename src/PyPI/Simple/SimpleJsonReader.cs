using System.Text.Json;
using Req2Nix.Packaging.Hashing;
using Req2Nix.Resolver.Index;

namespace Req2Nix.PyPI.Simple;

/// <summary>
/// Reads a PEP 691 project page (<c>application/vnd.pypi.simple.v1+json</c>) with a forward-only
/// <see cref="Utf8JsonReader"/> straight into <see cref="DistributionFile"/>s: no DOM, strings only
/// for what is kept, digests parsed from the bytes, repeated Requires-Python texts shared.
/// </summary>
internal static class SimpleJsonReader
{
    /// <param name="listedBy">Recorded in every file read (<see cref="DistributionFile.ListedBy"/>).</param>
    public static ProjectPage Read(ReadOnlySpan<byte> json, Uri pageUrl, Func<Uri, Uri> stripCredentials, ListingOrigin? listedBy = null)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 64 });
        try
        {
            return ReadPage(ref reader, pageUrl, stripCredentials, listedBy);
        }
        catch (JsonException e)
        {
            throw new MalformedDocumentException($"the JSON project page does not parse: {e.Message}", e);
        }
        catch (InvalidOperationException e)
        {
            throw new MalformedDocumentException($"the JSON project page has a value of the wrong type near byte {reader.TokenStartIndex}: {e.Message}", e);
        }
    }

    private static ProjectPage ReadPage(ref Utf8JsonReader reader, Uri pageUrl, Func<Uri, Uri> stripCredentials, ListingOrigin? listedBy)
    {
        Expect(ref reader, JsonTokenType.StartObject, "the page is not a JSON object");
        var files = new List<DistributionFile>();
        string? apiVersion = null;
        var strings = new RepeatedStrings();
        while (NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("files"u8))
            {
                Expect(ref reader, JsonTokenType.StartArray, "'files' is not an array");
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (ReadFile(ref reader, pageUrl, stripCredentials, listedBy, ref strings) is { } file)
                    {
                        files.Add(file);
                    }
                }
            }
            else if (reader.ValueTextEquals("meta"u8))
            {
                apiVersion = ReadApiVersion(ref reader);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
        return new ProjectPage(files, apiVersion);
    }

    private static string? ReadApiVersion(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartObject, "'meta' is not an object");
        string? version = null;
        while (NextProperty(ref reader))
        {
            var isVersion = reader.ValueTextEquals("api-version"u8);
            reader.Read();
            if (isVersion && reader.TokenType == JsonTokenType.String)
            {
                version = reader.GetString();
            }
            else
            {
                reader.Skip();
            }
        }
        return version;
    }

    private static DistributionFile? ReadFile(ref Utf8JsonReader reader, Uri pageUrl, Func<Uri, Uri> stripCredentials, ListingOrigin? listedBy, ref RepeatedStrings strings)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new MalformedDocumentException($"an entry of 'files' is not an object (byte {reader.TokenStartIndex})");
        }
        string? filename = null;
        string? urlText = null;
        string? requiresPython = null;
        Sha256Digest? sha256 = null;
        var yanked = false;
        string? yankedReason = null;
        MetadataAnnouncement? coreMetadata = null;
        MetadataAnnouncement? distInfoMetadata = null;
        long? size = null;
        while (NextProperty(ref reader))
        {
            switch (FieldOf(ref reader))
            {
                case FileField.Filename:
                    filename = ReadString(ref reader, "filename");
                    break;
                case FileField.Url:
                    urlText = ReadString(ref reader, "url");
                    break;
                case FileField.Hashes:
                    reader.Read();
                    sha256 = ReadSha256(ref reader);
                    break;
                case FileField.RequiresPython:
                    reader.Read();
                    requiresPython = reader.TokenType == JsonTokenType.String ? strings.Get(ref reader) : null;
                    break;
                case FileField.CoreMetadata:
                    reader.Read();
                    coreMetadata = ReadMetadataAnnouncement(ref reader);
                    break;
                case FileField.DistInfoMetadata:
                    reader.Read();
                    var announcement = ReadMetadataAnnouncement(ref reader);
                    distInfoMetadata ??= announcement;
                    break;
                case FileField.Yanked:
                    reader.Read();
                    (yanked, yankedReason) = reader.TokenType switch
                    {
                        JsonTokenType.True => (true, null),
                        JsonTokenType.String => (true, reader.GetString() is { Length: > 0 } reason ? reason : null),
                        _ => (false, (string?)null),
                    };
                    break;
                case FileField.Size:
                    reader.Read();
                    size = reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var bytes) && bytes >= 0 ? bytes : null;
                    break;
                default:
                    reader.Read();
                    reader.Skip();
                    break;
            }
        }
        if (filename is null || urlText is null)
        {
            throw new MalformedDocumentException($"a file entry lacks its {(filename is null ? "filename" : "url")} (before byte {reader.BytesConsumed})");
        }
        if (!FileUrls.TryResolve(pageUrl, urlText, stripCredentials, out var url, out var fragmentDigest))
        {
            return null;
        }
        var metadata = coreMetadata ?? distInfoMetadata;
        return new DistributionFile(filename, url)
        {
            Sha256 = sha256 ?? fragmentDigest,
            RequiresPython = requiresPython is { Length: > 0 } ? requiresPython : null,
            Yanked = yanked,
            YankedReason = yankedReason,
            HasCoreMetadata = metadata?.Available ?? false,
            CoreMetadataSha256 = metadata?.Sha256,
            Size = size,
            ListedBy = listedBy,
        };
    }

    /// <summary>
    /// Which field of a file entry the current property name is: told by its length, then its bytes
    /// (a page has thousands of entries, each with about eight names), or by comparing the unescaped
    /// text when the name is written with escapes.
    /// </summary>
    private static FileField FieldOf(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped)
        {
            return FieldOfEscaped(ref reader);
        }
        var name = reader.ValueSpan;
        return name.Length switch
        {
            3 when name.SequenceEqual("url"u8) => FileField.Url,
            4 when name.SequenceEqual("size"u8) => FileField.Size,
            6 when name.SequenceEqual("hashes"u8) => FileField.Hashes,
            6 when name.SequenceEqual("yanked"u8) => FileField.Yanked,
            8 when name.SequenceEqual("filename"u8) => FileField.Filename,
            13 when name.SequenceEqual("core-metadata"u8) => FileField.CoreMetadata,
            15 when name.SequenceEqual("requires-python"u8) => FileField.RequiresPython,
            18 when name.SequenceEqual("dist-info-metadata"u8) => FileField.DistInfoMetadata,
            23 when name.SequenceEqual("data-dist-info-metadata"u8) => FileField.DistInfoMetadata,
            _ => FileField.Other,
        };
    }

    private static FileField FieldOfEscaped(ref Utf8JsonReader reader)
    {
        ReadOnlySpan<(FileField Field, string Name)> fields =
        [
            (FileField.Filename, "filename"), (FileField.Url, "url"), (FileField.Hashes, "hashes"),
            (FileField.RequiresPython, "requires-python"), (FileField.CoreMetadata, "core-metadata"),
            (FileField.DistInfoMetadata, "dist-info-metadata"), (FileField.DistInfoMetadata, "data-dist-info-metadata"),
            (FileField.Yanked, "yanked"), (FileField.Size, "size"),
        ];
        foreach (var (field, name) in fields)
        {
            if (reader.ValueTextEquals(name))
            {
                return field;
            }
        }
        return FileField.Other;
    }

    /// <summary>PEP 691 <c>hashes</c>: only sha256 is kept; a sha256 that is no digest makes the page malformed.</summary>
    private static Sha256Digest? ReadSha256(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return null;
        }
        Sha256Digest? digest = null;
        while (NextProperty(ref reader))
        {
            var isSha256 = reader.ValueTextEquals("sha256"u8);
            reader.Read();
            if (isSha256 && reader.TokenType == JsonTokenType.String)
            {
                digest = ReadHexDigest(ref reader);
            }
            else
            {
                reader.Skip();
            }
        }
        return digest;
    }

    /// <summary>PEP 658/714: <c>true</c>, <c>false</c>, or a hashes object.</summary>
    private static MetadataAnnouncement ReadMetadataAnnouncement(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.True => new MetadataAnnouncement(true, null),
        JsonTokenType.StartObject => new MetadataAnnouncement(true, ReadSha256(ref reader)),
        _ => SkipAsAbsent(ref reader),
    };

    private static MetadataAnnouncement SkipAsAbsent(ref Utf8JsonReader reader)
    {
        reader.Skip();
        return new MetadataAnnouncement(false, null);
    }

    /// <summary>64 hex digits, read from the UTF-8 bytes as they are.</summary>
    private static Sha256Digest ReadHexDigest(ref Utf8JsonReader reader)
    {
        Span<byte> bytes = stackalloc byte[Sha256Digest.Length];
        if (reader.ValueSpan.Length == Sha256Digest.HexLength && !reader.ValueIsEscaped
            && Convert.FromHexString(reader.ValueSpan, bytes, out _, out var written) == System.Buffers.OperationStatus.Done
            && written == Sha256Digest.Length)
        {
            return Sha256Digest.FromBytes(bytes);
        }
        throw new MalformedDocumentException($"a sha256 digest is not 64 hex digits (byte {reader.TokenStartIndex})");
    }

    private static string ReadString(ref Utf8JsonReader reader, string what)
    {
        reader.Read();
        return reader.TokenType == JsonTokenType.String
            ? reader.GetString()!
            : throw new MalformedDocumentException($"'{what}' is not a string (byte {reader.TokenStartIndex})");
    }

    /// <summary>Advances to the next property name of the current object; false at its end.</summary>
    private static bool NextProperty(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            throw new MalformedDocumentException("the JSON ends inside an object");
        }
        return reader.TokenType == JsonTokenType.PropertyName;
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type, string problem)
    {
        if (!reader.Read() || reader.TokenType != type)
        {
            throw new MalformedDocumentException($"{problem} (byte {reader.TokenStartIndex})");
        }
    }

    private readonly record struct MetadataAnnouncement(bool Available, Sha256Digest? Sha256);

    private enum FileField
    {
        Other,
        Filename,
        Url,
        Hashes,
        RequiresPython,
        CoreMetadata,
        DistInfoMetadata,
        Yanked,
        Size,
    }

    /// <summary>Files of one release repeat the same Requires-Python: keep one string for a run of equal values.</summary>
    private struct RepeatedStrings
    {
        private string? _last;

        public string Get(ref Utf8JsonReader reader)
        {
            if (_last is not null && reader.ValueTextEquals(_last))
            {
                return _last;
            }
            return _last = reader.GetString()!;
        }
    }
}
