namespace Req2Nix.Resolver;

/// <summary>A place in an input file, 1-based; <see cref="Column"/> is 0 when only the line is known.</summary>
public readonly record struct SourceLocation(string File, int Line, int Column = 0)
{
    public override string ToString() => Column > 0 ? $"{File}:{Line}:{Column}" : $"{File}:{Line}";
}
