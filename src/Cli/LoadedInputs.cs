using Req2Nix.Emit;
using Req2Nix.Resolver;

namespace Req2Nix.Cli;

/// <summary>
/// The inputs of a run, read: either a <see cref="Manifest"/> to resolve (requirements files,
/// pyproject.toml) or an already <see cref="Locked"/> resolution (a lock file), and every file
/// read with its sha256, as the header of the output records them for <c>--check</c>.
/// </summary>
public sealed record LoadedInputs(IReadOnlyList<EmitInput> Files)
{
    public Manifest? Manifest { get; init; }

    public Resolution? Locked { get; init; }

    public IReadOnlyList<string> Warnings { get; init; } = [];
}
