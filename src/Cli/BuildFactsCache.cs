using System.Text.Json;
using Req2Nix.Packaging.Hashing;
using Req2Nix.Packaging.Pep508;

namespace Req2Nix.Cli;

/// <summary>
/// What reading a distribution file told (build requirements, import names), on disk by the
/// file's sha256: a file never changes under its digest, so it is read once ever. A damaged entry
/// counts as missing.
/// </summary>
internal sealed class BuildFactsCache(string cacheDirectory)
{
    private readonly string _folder = Path.Combine(cacheDirectory, "build-facts-v1");
    private bool _folderMade;

    public bool TryGet(Sha256Digest sha256, out BuildFacts facts)
    {
        facts = default;
        var path = PathOf(sha256);
        if (!File.Exists(path))
        {
            return false;
        }
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = document.RootElement;
            List<Requirement>? requires = null;
            if (root.GetProperty("buildRequires") is { ValueKind: JsonValueKind.Array } array)
            {
                requires = [];
                foreach (var item in array.EnumerateArray())
                {
                    requires.Add(Requirement.Parse(item.GetString() ?? string.Empty));
                }
            }
            var modules = new List<string>();
            foreach (var item in root.GetProperty("topLevelModules").EnumerateArray())
            {
                modules.Add(item.GetString() ?? string.Empty);
            }
            facts = new BuildFacts(requires, modules);
            return true;
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException
            or FormatException or IOException or UnauthorizedAccessException)
        {
            return false;
        }
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
        try
        {
            if (!_folderMade)
            {
                Directory.CreateDirectory(_folder);
                _folderMade = true;
            }
            AtomicFile.Write(PathOf(sha256), buffer.ToArray(), durable: false);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // A cache that cannot be written only costs a later run the same download.
        }
    }

    private string PathOf(Sha256Digest sha256) => Path.Combine(_folder, sha256.ToHex() + ".json");
}

/// <summary>What a distribution file says about building and importing it.</summary>
internal readonly record struct BuildFacts(IReadOnlyList<Requirement>? BuildRequires, IReadOnlyList<string> TopLevelModules);
