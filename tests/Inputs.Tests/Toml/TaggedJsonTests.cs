using System.Text.Json;
using Req2Nix.Inputs.Toml;

namespace Req2Nix.Inputs.Tests.Toml;

/// <summary>The conformance comparison tells differences apart (so a passing suite means something).</summary>
public sealed class TaggedJsonTests
{
    [Theory]
    [InlineData("a = 1", """{"a": {"type": "integer", "value": "1"}}""")]
    [InlineData("a = 1.0", """{"a": {"type": "float", "value": "1"}}""")]
    [InlineData("a = nan", """{"a": {"type": "float", "value": "-nan"}}""")]
    [InlineData("a = 1979-05-27T07:32:00Z", """{"a": {"type": "datetime", "value": "1979-05-27T00:32:00-07:00"}}""")]
    [InlineData("a = 07:32:00.1234567", """{"a": {"type": "time-local", "value": "07:32:00.123456789"}}""")]
    [InlineData("b = 2\na = [{}]", """{"a": [{}], "b": {"type": "integer", "value": "2"}}""")]
    public void Equal_documents_compare_equal(string toml, string json)
    {
        Assert.Null(Compare(toml, json));
    }

    [Theory]
    [InlineData("a = 1", """{"a": {"type": "integer", "value": "2"}}""")]
    [InlineData("a = 1", """{"a": {"type": "float", "value": "1"}}""")]
    [InlineData("a = '1'", """{"a": {"type": "integer", "value": "1"}}""")]
    [InlineData("a = 1.5", """{"a": {"type": "float", "value": "1.25"}}""")]
    [InlineData("a = 1979-05-27T07:32:00", """{"a": {"type": "datetime", "value": "1979-05-27T07:32:00Z"}}""")]
    [InlineData("a = 1979-05-27T07:32:00Z", """{"a": {"type": "datetime", "value": "1979-05-27T07:32:00+01:00"}}""")]
    [InlineData("a = 1979-05-27", """{"a": {"type": "date-local", "value": "1979-05-28"}}""")]
    [InlineData("a = 1\nb = 2", """{"a": {"type": "integer", "value": "1"}}""")]
    [InlineData("a = 1", """{"a": {"type": "integer", "value": "1"}, "b": {}}""")]
    [InlineData("a = [1]", """{"a": []}""")]
    [InlineData("a = {}", """{"a": []}""")]
    public void Different_documents_compare_different(string toml, string json)
    {
        Assert.NotNull(Compare(toml, json));
    }

    private static string? Compare(string toml, string json)
    {
        using var expected = JsonDocument.Parse(json);
        return TaggedJson.Difference(expected.RootElement, TomlReader.Parse(toml));
    }
}
