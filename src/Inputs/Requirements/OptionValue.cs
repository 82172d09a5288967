namespace Req2Nix.Inputs.Requirements;

/// <summary>An option's value and the offset in the logical line where the option was written.</summary>
internal readonly record struct OptionValue(string Text, int Offset);
