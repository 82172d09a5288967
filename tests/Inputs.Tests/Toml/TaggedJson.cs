using System.Globalization;
using System.Text.Json;
using Req2Nix.Inputs.Toml;

namespace Req2Nix.Inputs.Tests.Toml;

/// <summary>
/// Compares a parsed document with toml-test's tagged JSON the way its README says: tables by key
/// set (order free), arrays item by item, integers and strings as exact text, floats numerically
/// (every NaN equal), date-times by value, fractions truncated to 100 ns.
/// </summary>
internal static class TaggedJson
{
    /// <summary>Null when equal, else the first difference with its path.</summary>
    public static string? Difference(JsonElement expected, TomlValue actual, string path = "$")
    {
        switch (expected.ValueKind)
        {
            case JsonValueKind.Array:
                if (actual is not TomlArray array)
                {
                    return $"{path}: expected an array, got {actual.Kind}";
                }
                if (array.Count != expected.GetArrayLength())
                {
                    return $"{path}: expected {expected.GetArrayLength()} items, got {array.Count}";
                }
                var index = 0;
                foreach (var item in expected.EnumerateArray())
                {
                    if (Difference(item, array[index], $"{path}[{index}]") is { } itemDifference)
                    {
                        return itemDifference;
                    }
                    index++;
                }
                return null;
            case JsonValueKind.Object when IsTaggedValue(expected):
                return ScalarDifference(
                    expected.GetProperty("type").GetString()!, expected.GetProperty("value").GetString()!, actual, path);
            case JsonValueKind.Object:
                return TableDifference(expected, actual, path);
            default:
                return $"{path}: unexpected JSON {expected.ValueKind} in the expected document";
        }
    }

    private static bool IsTaggedValue(JsonElement element)
    {
        var count = 0;
        foreach (var property in element.EnumerateObject())
        {
            count++;
            if (property.Name is not ("type" or "value") || property.Value.ValueKind != JsonValueKind.String)
            {
                return false;
            }
        }
        return count == 2;
    }

    private static string? TableDifference(JsonElement expected, TomlValue actual, string path)
    {
        if (actual is not TomlTable table)
        {
            return $"{path}: expected a table, got {actual.Kind}";
        }
        var count = 0;
        foreach (var property in expected.EnumerateObject())
        {
            count++;
            if (!table.TryGetValue(property.Name, out var value))
            {
                return $"{path}: missing key '{property.Name}'";
            }
            if (Difference(property.Value, value, $"{path}.{property.Name}") is { } difference)
            {
                return difference;
            }
        }
        return count == table.Count
            ? null
            : $"{path}: unexpected keys {string.Join(", ", table.Keys.Where(key => !expected.TryGetProperty(key, out _)))}";
    }

    private static string? ScalarDifference(string type, string text, TomlValue actual, string path)
    {
        var matches = (type, actual) switch
        {
            ("string", TomlString s) => s.Value == text,
            ("integer", TomlInteger i) => i.Value.ToString(CultureInfo.InvariantCulture) == text,
            ("float", TomlFloat f) => FloatsEqual(ExpectedFloat(text), f.Value),
            ("bool", TomlBoolean b) => string.Equals(b.Value ? "true" : "false", text, StringComparison.OrdinalIgnoreCase),
            ("datetime", TomlDateTime { Kind: TomlValueKind.OffsetDateTime } d) => ExpectedDateTime.Parse(text).SameAs(d),
            ("datetime-local", TomlDateTime { Kind: TomlValueKind.LocalDateTime } d) => ExpectedDateTime.Parse(text).SameAs(d),
            ("date-local", TomlDateTime { Kind: TomlValueKind.LocalDate } d) => ExpectedDateTime.Parse(text).SameAs(d),
            ("time-local", TomlDateTime { Kind: TomlValueKind.LocalTime } d) => ExpectedDateTime.Parse(text).SameAs(d),
            _ => false,
        };
        return matches ? null : $"{path}: expected {type} '{text}', got {actual.Kind} '{actual}'";
    }

    private static double ExpectedFloat(string text) => text.TrimStart('+', '-') switch
    {
        "nan" => double.NaN,
        "inf" => text.StartsWith('-') ? double.NegativeInfinity : double.PositiveInfinity,
        _ => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
    };

    private static bool FloatsEqual(double expected, double actual) =>
        double.IsNaN(expected) ? double.IsNaN(actual) : expected == actual;

    /// <summary>An expected RFC 3339 value, read independently of the reader under test.</summary>
    private readonly record struct ExpectedDateTime(DateOnly? Date, TimeOnly? Time, int? OffsetMinutes)
    {
        public static ExpectedDateTime Parse(string text)
        {
            text = text.Replace(' ', 'T').Replace('t', 'T').Replace('z', 'Z');
            DateOnly? date = null;
            if (text.Length >= 10 && text[4] == '-')
            {
                date = DateOnly.ParseExact(text[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture);
                text = text.Length > 10 ? text[11..] : "";
            }
            if (text.Length == 0)
            {
                return new ExpectedDateTime(date, null, null);
            }
            int? offset = null;
            if (text.EndsWith('Z'))
            {
                offset = 0;
                text = text[..^1];
            }
            else if (text.Length > 6 && text[^6] is '+' or '-')
            {
                var minutes = (int.Parse(text[^5..^3], CultureInfo.InvariantCulture) * 60)
                    + int.Parse(text[^2..], CultureInfo.InvariantCulture);
                offset = text[^6] == '-' ? -minutes : minutes;
                text = text[..^6];
            }
            var time = TimeOnly.ParseExact(text[..8], "HH:mm:ss", CultureInfo.InvariantCulture);
            if (text.Length > 9)
            {
                var fraction = text[9..].PadRight(7, '0')[..7];
                time = time.Add(TimeSpan.FromTicks(long.Parse(fraction, CultureInfo.InvariantCulture)));
            }
            return new ExpectedDateTime(date, time, offset);
        }

        public bool SameAs(TomlDateTime actual)
        {
            if (OffsetMinutes is { } offset)
            {
                return actual.Offset is { } actualOffset && Instant(Date!.Value, Time!.Value, offset)
                    == Instant(actual.Date!.Value, actual.Time!.Value, (int)actualOffset.TotalMinutes);
            }
            return Date == actual.Date && Time == actual.Time && actual.Offset is null;
        }

        private static long Instant(DateOnly date, TimeOnly time, int offsetMinutes) =>
            date.ToDateTime(time).Ticks - TimeSpan.FromMinutes(offsetMinutes).Ticks;
    }
}
