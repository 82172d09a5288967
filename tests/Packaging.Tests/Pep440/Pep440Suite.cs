using System.Text.Json;
using Req2Nix.Tests.Shared;

namespace Req2Nix.Packaging.Tests.Pep440;

/// <summary>Reads the files of shared/conformance/pep440 (format: its README) once per test run.</summary>
internal static class Pep440Suite
{
    public const string Folder = "pep440";

    private static readonly Dictionary<string, JsonElement> Loaded = [];

    public static JsonElement Root(string file)
    {
        lock (Loaded)
        {
            if (!Loaded.TryGetValue(file, out var root))
            {
                var path = Path.Combine(SharedFolder.Conformance, Folder, file);
                using var document = JsonDocument.Parse(File.ReadAllBytes(path));
                root = document.RootElement.Clone();
                Loaded[file] = root;
            }
            return root;
        }
    }

    public static JsonElement Case(string file, int index) => Root(file).GetProperty("cases")[index];

    /// <summary>One row per case: its index and a label that names it in the test output.</summary>
    public static TheoryData<int, string> Indexed(string file, string member, Func<JsonElement, string> label)
    {
        var data = new TheoryData<int, string>();
        var path = Path.Combine(SharedFolder.Conformance, Folder, file);
        if (!File.Exists(path))
        {
            return data;
        }
        var index = 0;
        foreach (var element in Root(file).GetProperty(member).EnumerateArray())
        {
            data.Add(index++, label(element));
        }
        return data;
    }

    public static bool? NullableBool(JsonElement element) =>
        element.ValueKind == JsonValueKind.Null ? null : element.GetBoolean();

    public static ulong? NullableUInt64(JsonElement element) =>
        element.ValueKind == JsonValueKind.Null ? null : element.GetUInt64();

    public static string? NullableString(JsonElement element) =>
        element.ValueKind == JsonValueKind.Null ? null : element.GetString();

    public static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];

    /// <summary>A readable label: JSON-escaped so whitespace and control characters stay visible.</summary>
    public static string Show(string? text) => JsonSerializer.Serialize(text);
}
