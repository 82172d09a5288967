using System.Text.Json;
using Req2Nix.Packaging.Hashing;
using Req2Nix.Packaging.Pep508;
using Req2Nix.PyPI.Caching;

namespace Req2Nix.Cli;

/// <summary>
/// What reading a distribution file told (build requirements, import names), on disk by the
/// file's sha256: a file never changes under its digest, so it is read once ever. A damaged entry
/// counts as missing. Entries are written behind the run (<see cref="CacheFileWriter"/>); disposing
/// waits for them.
/// </summary>
internal sealed class BuildFactsCache(string cacheDirectory) : IDisposable
{
    private readonly string _folder = FolderIn(cacheDirectory);
    // A failure is told once, with the client's (Generation), not per entry.
    private readonly CacheFileWriter _writer = new(folders: [FolderIn(cacheDirectory)]);

    public bool TryGet(Sha256Digest sha256, out BuildFacts facts)
    {
        facts = default;
        var path = PathOf(sha256);
        if (_writer.TryAnswer(path, out var known))
        {
            return known is not null && TryRead(known, out facts);
        }
        if (!File.Exists(path))
        {
            return false;
        }
        try
        {
            return TryRead(File.ReadAllBytes(path), out facts);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException
            or FormatException or IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>
    /// An entry as <see cref="Put"/> writes it: <c>buildRequires</c> (null, or an array of
    /// requirements) and <c>topLevelModules</c> (an array of names), read forward-only: a warm run
    /// reads one per file the builds start from.
    /// </summary>
    private static bool TryRead(ReadOnlySpan<byte> json, out BuildFacts facts)
    {
        facts = default;
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }
        List<Requirement>? requires = null;
        List<string>? modules = null;
        var hasRequires = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("buildRequires"u8))
            {
                reader.Read();
                hasRequires = true;
                requires = reader.TokenType == JsonTokenType.StartArray ? ReadStrings(ref reader, Requirement.Parse) : null;
                if (requires is null)
                {
                    reader.Skip();
                }
            }
            else if (reader.ValueTextEquals("topLevelModules"u8))
            {
                reader.Read();
                modules = reader.TokenType == JsonTokenType.StartArray ? ReadStrings(ref reader, static text => text) : null;
                if (modules is null)
                {
                    reader.Skip();
                }
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
        if (!hasRequires || modules is null)
        {
            return false;
        }
        facts = new BuildFacts(requires, modules);
        return true;
    }

    /// <summary>The strings of the array the reader is at, each made into a <typeparamref name="T"/>; throws on an item that is no string.</summary>
    private static List<T> ReadStrings<T>(ref Utf8JsonReader reader, Func<string, T> make)
    {
        var items = new List<T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            items.Add(make(reader.GetString() ?? string.Empty));
        }
        return items;
    }

    public void Put(Sha256Digest sha256, BuildFacts facts)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            if (facts.BuildRequires is { } requires)
            {
                writer.WriteStartArray("buildRequires");
                foreach (var requirement in requires)
                {
                    writer.WriteStringValue(requirement.ToString());
                }
                writer.WriteEndArray();
            }
            else
            {
                writer.WriteNull("buildRequires");
            }
            writer.WriteStartArray("topLevelModules");
            foreach (var module in facts.TopLevelModules)
            {
                writer.WriteStringValue(module);
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        _writer.Write(PathOf(sha256), buffer.ToArray());
    }

    /// <summary>The entries that could not be written so far; null when none failed.</summary>
    public CacheWriteFailures? WriteFailures => _writer.Failures;

    /// <summary>Waits until the entries put so far are on disk (or have failed).</summary>
    public void Flush() => _writer.Flush();

    /// <summary>Waits until every entry put is on disk.</summary>
    public void Dispose() => _writer.Dispose();

    private static string FolderIn(string cacheDirectory) => Path.Combine(cacheDirectory, "build-facts-v1");

    private string PathOf(Sha256Digest sha256) => Path.Combine(_folder, sha256.ToHex() + ".json");
}

/// <summary>What a distribution file says about building and importing it.</summary>
internal readonly record struct BuildFacts(IReadOnlyList<Requirement>? BuildRequires, IReadOnlyList<string> TopLevelModules);
