namespace Req2Nix.Inputs.Requirements;

/// <summary>One <c>--no-binary</c> or <c>--only-binary</c> value as written: comma-separated names, <c>:all:</c> or <c>:none:</c>.</summary>
public readonly record struct FormatControlChange(BinaryFormatOption Option, string Value);

public enum BinaryFormatOption
{
    /// <summary><c>--no-binary</c>: build these from source.</summary>
    NoBinary,

    /// <summary><c>--only-binary</c>: install these only from wheels.</summary>
    OnlyBinary,
}
