using System.Text.Json;
using Req2Nix.Packaging.Pep508;
using Req2Nix.Tests.Shared;

namespace Req2Nix.Packaging.Tests.Pep508;

/// <summary>The files of shared/conformance/pep508 (format: its README), read once per run.</summary>
internal static class Pep508Suite
{
    public const string Folder = "pep508";
    public const string RequirementsFile = "requirements.json";
    public const string MarkersFile = "markers.json";

    private static readonly Lazy<JsonElement> RequirementsRoot = new(() => Load(RequirementsFile));
    private static readonly Lazy<JsonElement> MarkersRoot = new(() => Load(MarkersFile));
    private static readonly Lazy<Dictionary<string, MarkerEnvironment>> Environments = new(LoadEnvironments);

    public static JsonElement Requirement(int index) => RequirementsRoot.Value.GetProperty("cases")[index];

    /// <summary>A case of markers.json's <paramref name="member"/> array (parse, evaluate, evaluate_exotic).</summary>
    public static JsonElement Marker(string member, int index) => MarkersRoot.Value.GetProperty(member)[index];

    public static MarkerEnvironment Environment(string name) => Environments.Value[name];

    /// <summary>One row per selected case of <paramref name="member"/>: its index and a label naming it in the test output.</summary>
    public static TheoryData<int, string> Rows(string file, string member, Func<JsonElement, bool> select, Func<JsonElement, string> label)
    {
        var rows = new TheoryData<int, string>();
        if (!File.Exists(PathOf(file)))
        {
            return rows;
        }
        var root = file == RequirementsFile ? RequirementsRoot.Value : MarkersRoot.Value;
        var index = 0;
        foreach (var element in root.GetProperty(member).EnumerateArray())
        {
            if (select(element))
            {
                rows.Add(index, label(element));
            }
            index++;
        }
        return rows;
    }

    public static string? NullableString(JsonElement element) =>
        element.ValueKind == JsonValueKind.Null ? null : element.GetString();

    /// <summary>A readable label: JSON-escaped so tabs and line breaks stay visible.</summary>
    public static string Show(string? text) => JsonSerializer.Serialize(text);

    private static string PathOf(string file) => Path.Combine(SharedFolder.Conformance, Folder, file);

    private static JsonElement Load(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(PathOf(file)));
        return document.RootElement.Clone();
    }

    private static Dictionary<string, MarkerEnvironment> LoadEnvironments()
    {
        var environments = new Dictionary<string, MarkerEnvironment>(StringComparer.Ordinal);
        foreach (var property in MarkersRoot.Value.GetProperty("environments").EnumerateObject())
        {
            var values = property.Value.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);
            environments[property.Name] = MarkerEnvironment.FromDictionary(values);
        }
        return environments;
    }
}
