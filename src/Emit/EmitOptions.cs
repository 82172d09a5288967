namespace Req2Nix.Emit;

/// <summary>How <see cref="PythonPackagesFile"/> writes a resolution, and what its header records.</summary>
public sealed record EmitOptions
{
    public WheelPolicy Wheels { get; init; } = WheelPolicy.Pure;

    /// <summary>
    /// <c>--reuse-nixpkgs</c>: a package nixpkgs already has is its nixpkgs derivation with the
    /// pinned version, source and dependencies (<c>overridePythonAttrs</c>), so nixpkgs' native
    /// build inputs and patches carry over; decided when the file is evaluated.
    /// </summary>
    public bool ReuseNixpkgs { get; init; }

    /// <summary>The req2nix version the header names.</summary>
    public string GeneratorVersion { get; init; } = DefaultGeneratorVersion;

    /// <summary>The input files, as the header lists them (in the order given).</summary>
    public IReadOnlyList<EmitInput> Inputs { get; init; } = [];

    /// <summary>The command that regenerates the file, for the header; null to leave it out.</summary>
    public string? Command { get; init; }

    /// <summary>The version of this assembly, without build metadata.</summary>
    public static string DefaultGeneratorVersion { get; } = ReadAssemblyVersion();

    private static string ReadAssemblyVersion()
    {
        var attribute = typeof(EmitOptions).Assembly
            .GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), inherit: false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>()
            .FirstOrDefault();
        var version = attribute?.InformationalVersion ?? "0.0.0";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? version : version[..plus];
    }
}
