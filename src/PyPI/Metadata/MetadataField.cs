namespace Req2Nix.PyPI.Metadata;

/// <summary>One header of a core metadata file: its value (continuation lines joined) and where the value starts.</summary>
public readonly record struct MetadataField(string Value, int Line, int Column);
