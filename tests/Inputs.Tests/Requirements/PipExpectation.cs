using System.Text.Json;
using Req2Nix.Inputs.Requirements;
using Req2Nix.Packaging.Pep508;

namespace Req2Nix.Inputs.Tests.Requirements;

/// <summary>
/// Compares a parsed entry with pip's, in the JSON form of shared/conformance/requirements-txt's
/// <c>expected/</c> files: kind, file, line, constraint flag, then the fields of the kind (clauses,
/// extras and markers compared structurally, hashes per algorithm in order).
/// </summary>
internal static class PipExpectation
{
    public static IEnumerable<string> CompareEntry(JsonElement expected, RequirementsEntry actual, string filesFolder)
    {
        var kind = actual switch
        {
            IncludeEntry => "include",
            OptionEntry => "option",
            RequirementEntry { Editable: true } => "editable",
            _ => "requirement",
        };
        if (Text(expected, "kind") != kind)
        {
            yield return $"kind {kind}, pip: {Text(expected, "kind")}";
            yield break;
        }
        var file = Relative(actual.FilePath, filesFolder);
        if (Text(expected, "file") != file)
        {
            yield return $"file {file}, pip: {Text(expected, "file")}";
        }
        if (expected.GetProperty("line").GetInt32() != actual.Location.Line)
        {
            yield return $"line {actual.Location.Line}, pip: {expected.GetProperty("line").GetInt32()}";
        }
        if (expected.GetProperty("constraint").GetBoolean() != actual.Constraint)
        {
            yield return $"constraint {actual.Constraint}";
        }
        var details = actual switch
        {
            IncludeEntry include => CompareInclude(expected, include, filesFolder),
            OptionEntry option => CompareOptions(expected.GetProperty("options"), option),
            _ => CompareRequirement(expected, (RequirementEntry)actual),
        };
        foreach (var difference in details)
        {
            yield return difference;
        }
    }

    private static IEnumerable<string> CompareInclude(JsonElement expected, IncludeEntry include, string filesFolder)
    {
        var type = include.Kind == IncludeKind.Requirements ? "-r" : "-c";
        if (Text(expected, "include_type") != type)
        {
            yield return $"include type {type}";
        }
        if (Text(expected, "target_as_written") != include.TargetAsWritten)
        {
            yield return $"target as written {include.TargetAsWritten}";
        }
        if (Text(expected, "target") != Relative(include.TargetPath, filesFolder))
        {
            yield return $"target {Relative(include.TargetPath, filesFolder)}";
        }
    }

    private static IEnumerable<string> CompareOptions(JsonElement expected, OptionEntry option)
    {
        var actual = new Dictionary<string, string>(StringComparer.Ordinal);
        if (option.IndexUrl is { } indexUrl)
        {
            actual["index_url"] = indexUrl;
        }
        AddList(actual, "extra_index_urls", option.ExtraIndexUrls);
        AddList(actual, "find_links", option.FindLinks);
        AddList(actual, "trusted_hosts", option.TrustedHosts);
        AddList(actual, "features_enabled", option.FeaturesEnabled);
        AddFlag(actual, "no_index", option.NoIndex);
        AddFlag(actual, "pre", option.Pre);
        AddFlag(actual, "prefer_binary", option.PreferBinary);
        AddFlag(actual, "require_hashes", option.RequireHashes);
        var sets = option.LineFormatControl();
        if (sets.NoBinary.Count + sets.OnlyBinary.Count > 0)
        {
            actual["format_control"] = $"no_binary={Sorted(sets.NoBinary)} only_binary={Sorted(sets.OnlyBinary)}";
        }
        var wanted = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in expected.EnumerateObject())
        {
            wanted[property.Name] = property.Name switch
            {
                "format_control" => $"no_binary={Sorted(Strings(property.Value.GetProperty("no_binary")))} only_binary={Sorted(Strings(property.Value.GetProperty("only_binary")))}",
                _ => property.Value.ValueKind switch
                {
                    JsonValueKind.Array => string.Join(" | ", Strings(property.Value)),
                    JsonValueKind.True => "true",
                    _ => property.Value.GetString()!,
                },
            };
        }
        foreach (var key in wanted.Keys.Union(actual.Keys))
        {
            var mine = actual.GetValueOrDefault(key);
            var pips = wanted.GetValueOrDefault(key);
            if (mine != pips)
            {
                yield return $"option {key} = {mine ?? "(unset)"}, pip: {pips ?? "(unset)"}";
            }
        }
    }

    private static IEnumerable<string> CompareRequirement(JsonElement expected, RequirementEntry entry)
    {
        if (Text(expected, "text") != entry.Text)
        {
            yield return $"text '{entry.Text}', pip: '{Text(expected, "text")}'";
        }
        if (expected.TryGetProperty("error", out var error))
        {
            if (entry.Problem is null)
            {
                yield return $"no problem reported, pip: {error.GetString()}";
            }
            yield break;
        }
        if (entry.Problem is { } problem)
        {
            yield return $"problem '{problem}', pip builds the requirement";
            yield break;
        }
        if (Text(expected, "name") != entry.Name)
        {
            yield return $"name {entry.Name ?? "null"}, pip: {Text(expected, "name") ?? "null"}";
        }
        var specifier = Clauses(Text(expected, "specifier")!);
        var mySpecifier = Clauses(entry.Specifier.ToString());
        if (!specifier.SetEquals(mySpecifier))
        {
            yield return $"specifier {entry.Specifier}, pip: {Text(expected, "specifier")}";
        }
        var extras = Strings(expected.GetProperty("extras")).ToHashSet(StringComparer.Ordinal);
        if (!extras.SetEquals(entry.Extras))
        {
            yield return $"extras [{string.Join(",", entry.Extras)}], pip: [{string.Join(",", extras)}]";
        }
        var marker = Text(expected, "marker");
        var expectedMarker = marker is null ? null : Marker.Parse(marker).ToString();
        if (expectedMarker != entry.Marker?.ToString())
        {
            yield return $"marker {entry.Marker?.ToString() ?? "null"}, pip: {marker ?? "null"}";
        }
        if (Text(expected, "url") != entry.Url)
        {
            yield return $"url {entry.Url ?? "null"}, pip: {Text(expected, "url") ?? "null"}";
        }
        if (Text(expected, "local_path") != entry.LocalPath)
        {
            yield return $"local path {entry.LocalPath ?? "null"}, pip: {Text(expected, "local_path") ?? "null"}";
        }
        if (expected.GetProperty("editable").GetBoolean() != entry.Editable)
        {
            yield return $"editable {entry.Editable}";
        }
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var algorithm in expected.GetProperty("hashes").EnumerateObject())
        {
            hashes[algorithm.Name] = string.Join(",", Strings(algorithm.Value));
        }
        var myHashes = entry.Hashes.GroupBy(pin => pin.Algorithm).ToDictionary(group => group.Key, group => string.Join(",", group.Select(pin => pin.HexDigest)), StringComparer.Ordinal);
        if (hashes.Count != myHashes.Count || hashes.Any(pair => myHashes.GetValueOrDefault(pair.Key) != pair.Value))
        {
            yield return $"hashes {string.Join(" ", myHashes)}, pip: {string.Join(" ", hashes)}";
        }
        foreach (var difference in CompareRequirementOptions(expected.GetProperty("options"), entry))
        {
            yield return difference;
        }
    }

    private static IEnumerable<string> CompareRequirementOptions(JsonElement expected, RequirementEntry entry)
    {
        var actual = new Dictionary<string, string>(StringComparer.Ordinal);
        if (entry.ConfigSettings.Count > 0)
        {
            actual["config_settings"] = string.Join(" ", entry.ConfigSettings.Select(pair => $"{pair.Key}={string.Join("|", pair.Value)}"));
        }
        if (entry.GlobalOptions.Count > 0)
        {
            actual["global_options"] = string.Join(" ", entry.GlobalOptions);
        }
        var wanted = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in expected.EnumerateObject())
        {
            wanted[property.Name] = property.Name == "config_settings"
                ? string.Join(" ", property.Value.EnumerateObject().Select(pair =>
                    $"{pair.Name}={(pair.Value.ValueKind == JsonValueKind.Array ? string.Join("|", Strings(pair.Value)) : pair.Value.GetString())}"))
                : string.Join(" ", Strings(property.Value));
        }
        foreach (var key in wanted.Keys.Union(actual.Keys))
        {
            if (actual.GetValueOrDefault(key) != wanted.GetValueOrDefault(key))
            {
                yield return $"option {key} = {actual.GetValueOrDefault(key) ?? "(unset)"}, pip: {wanted.GetValueOrDefault(key) ?? "(unset)"}";
            }
        }
    }

    private static string Relative(string path, string filesFolder) => Path.GetRelativePath(filesFolder, path).Replace('\\', '/');

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static IEnumerable<string> Strings(JsonElement array) => array.EnumerateArray().Select(item => item.GetString()!);

    private static string Sorted(IEnumerable<string> items) => string.Join(",", items.Order(StringComparer.Ordinal));

    private static HashSet<string> Clauses(string specifier) =>
        specifier.Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);

    private static void AddList(Dictionary<string, string> options, string key, IReadOnlyList<string> values)
    {
        if (values.Count > 0)
        {
            options[key] = string.Join(" | ", values);
        }
    }

    private static void AddFlag(Dictionary<string, string> options, string key, bool value)
    {
        if (value)
        {
            options[key] = "true";
        }
    }
}
