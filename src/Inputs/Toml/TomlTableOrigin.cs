namespace Req2Nix.Inputs.Toml;

/// <summary>
/// How a table came to be, which decides what later lines may still do with it (TOML 1.0,
/// "Table" and "Inline Table").
/// </summary>
internal enum TomlTableOrigin
{
    /// <summary>Created on the way to a header's table (<c>a</c> for <c>[a.b]</c>): a later <c>[a]</c> may still define it.</summary>
    Implicit,

    /// <summary>Defined by its own <c>[header]</c> or <c>[[header]]</c>, or the root: never defined again, never entered by dotted keys.</summary>
    Header,

    /// <summary>Created by a dotted key (<c>a.b = 1</c>): no header may define it later, though headers may add sub-tables.</summary>
    Dotted,

    /// <summary>An inline table (<c>{ … }</c>): complete as written, nothing may add to it.</summary>
    Inline,
}
