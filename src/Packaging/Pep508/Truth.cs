namespace Req2Nix.Packaging.Pep508;

/// <summary>The outcome of evaluating a marker node: packaging's raise is <see cref="Undefined"/>.</summary>
internal enum Truth : byte
{
    False,
    True,
    Undefined,
}
