using System.Text.Json;
using Req2Nix.Packaging.Pep440;
using Req2Nix.PyPI.Metadata;
using Req2Nix.Resolver.Index;

namespace Req2Nix.PyPI.JsonApi;

/// <summary>
/// Reads the dependency data of a release from PyPI's JSON API (<c>/pypi/{name}/{version}/json</c>):
/// <c>info.name</c>, <c>info.version</c>, <c>info.requires_dist</c>, <c>info.requires_python</c>,
/// <c>info.provides_extra</c>. Everything else (descriptions, <c>urls</c>, <c>releases</c>) is
/// skipped unread. A null <c>requires_dist</c> means PyPI does not know the dependencies (it is
/// null for an sdist-only release): the result is then null, and the caller looks elsewhere.
/// </summary>
internal static class ReleaseDocumentReader
{
    public static CoreMetadata? Read(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 64 });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new MalformedDocumentException("the JSON API document is not a JSON object");
            }
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isInfo = reader.ValueTextEquals("info"u8);
                reader.Read();
                if (isInfo)
                {
                    return ReadInfo(ref reader);
                }
                reader.Skip();
            }
            throw new MalformedDocumentException("the JSON API document has no 'info'");
        }
        catch (JsonException e)
        {
            throw new MalformedDocumentException($"the JSON API document does not parse: {e.Message}", e);
        }
        catch (InvalidOperationException e)
        {
            throw new MalformedDocumentException($"the JSON API document has a value of the wrong type: {e.Message}", e);
        }
    }

    private static CoreMetadata? ReadInfo(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new MalformedDocumentException("'info' is not an object");
        }
        string? name = null;
        string? version = null;
        string? requiresPython = null;
        List<string>? requiresDist = null;
        List<string>? providesExtra = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("name"u8))
            {
                reader.Read();
                name = reader.GetString();
            }
            else if (reader.ValueTextEquals("version"u8))
            {
                reader.Read();
                version = reader.GetString();
            }
            else if (reader.ValueTextEquals("requires_python"u8))
            {
                reader.Read();
                requiresPython = reader.GetString();
            }
            else if (reader.ValueTextEquals("requires_dist"u8))
            {
                reader.Read();
                requiresDist = ReadStrings(ref reader);
            }
            else if (reader.ValueTextEquals("provides_extra"u8))
            {
                reader.Read();
                providesExtra = ReadStrings(ref reader);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
        if (name is null || version is null)
        {
            throw new MalformedDocumentException($"'info' lacks its {(name is null ? "name" : "version")}");
        }
        if (requiresDist is null)
        {
            return null;
        }
        if (!Pep440Version.TryParse(version, out var parsedVersion))
        {
            throw new MalformedDocumentException($"'info.version' '{version}' is not a PEP 440 version");
        }
        return CoreMetadataFactory.Create(name, parsedVersion, requiresDist, requiresPython, providesExtra ?? []);
    }

    private static List<string>? ReadStrings(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return null;
        }
        var values = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.String)
            {
                values.Add(reader.GetString()!);
            }
            else
            {
                reader.Skip();
            }
        }
        return values;
    }
}
