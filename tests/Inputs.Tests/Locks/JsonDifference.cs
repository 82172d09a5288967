using System.Text.Json;
using System.Text.Json.Nodes;

namespace Req2Nix.Inputs.Tests.Locks;

/// <summary>Compares JSON trees: objects by key set (any order), arrays item by item; names the first difference by its path.</summary>
internal static class JsonDifference
{
    public static string? Find(JsonNode? expected, JsonNode? actual, string path = "$")
    {
        switch (expected)
        {
            case null:
                return actual is null ? null : $"{path}: expected null, got {actual.ToJsonString()}";
            case JsonObject expectedObject:
                if (actual is not JsonObject actualObject)
                {
                    return $"{path}: expected an object, got {Describe(actual)}";
                }
                foreach (var (key, value) in expectedObject)
                {
                    if (!actualObject.ContainsKey(key))
                    {
                        return $"{path}: missing key '{key}'";
                    }
                    if (Find(value, actualObject[key], $"{path}.{key}") is { } difference)
                    {
                        return difference;
                    }
                }
                foreach (var (key, _) in actualObject)
                {
                    if (!expectedObject.ContainsKey(key))
                    {
                        return $"{path}: unexpected key '{key}'";
                    }
                }
                return null;
            case JsonArray expectedArray:
                if (actual is not JsonArray actualArray)
                {
                    return $"{path}: expected an array, got {Describe(actual)}";
                }
                if (expectedArray.Count != actualArray.Count)
                {
                    return $"{path}: expected {expectedArray.Count} items, got {actualArray.Count}";
                }
                for (var i = 0; i < expectedArray.Count; i++)
                {
                    if (Find(expectedArray[i], actualArray[i], $"{path}[{i}]") is { } difference)
                    {
                        return difference;
                    }
                }
                return null;
            default:
                if (expected.GetValueKind() == JsonValueKind.String && expected.GetValue<string>().StartsWith("metadata.files (shared", StringComparison.Ordinal)
                    && actual?.GetValue<string>() is { } shared && shared.StartsWith("metadata.files (shared", StringComparison.Ordinal))
                {
                    return null;
                }
                return JsonNode.DeepEquals(expected, actual) ? null : $"{path}: expected {expected.ToJsonString()}, got {Describe(actual)}";
        }
    }

    private static string Describe(JsonNode? node) => node?.ToJsonString() ?? "null";
}
