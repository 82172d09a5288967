namespace Req2Nix.Inputs.Toml;

/// <summary>The one place that turns "this value has the wrong type" into a positioned error.</summary>
internal static class TomlTypeCheck
{
    /// <summary>
    /// <paramref name="value"/> as a <typeparamref name="T"/>. The message names the value as
    /// <c>'key'</c>, as <c>each item of 'key'</c> when <paramref name="isItem"/>, or as an array item
    /// when there is no key; it is built only when the check fails.
    /// </summary>
    public static T Expect<T>(TomlValue value, string? key, bool isItem)
        where T : TomlValue => value as T ?? throw WrongType(value, TomlDescriptions.Of<T>(), key, isItem);

    private static TomlException WrongType(TomlValue value, string expected, string? key, bool isItem)
    {
        var subject = key is null ? "array item" : isItem ? $"each item of '{key}'" : $"'{key}'";
        return value.CreateError($"{subject} must be {expected}, not {value.Description}");
    }
}
