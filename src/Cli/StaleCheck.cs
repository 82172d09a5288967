using System.Text;
using Req2Nix.Emit;

namespace Req2Nix.Cli;

/// <summary>
/// <c>--check</c>: is the file on disk what this command would write? Decided first from the
/// file's header without the network — the same generator, options and inputs (by sha256) and a
/// body whose checksum still matches mean up to date — and otherwise by regenerating and comparing.
/// </summary>
public static class StaleCheck
{
    /// <summary>Why the file on disk is stale without looking further, or null when its header vouches for it.</summary>
    public static string? Verdict(string? existing, LoadedInputs inputs, Settings settings, string command)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(settings);
        if (existing is null)
        {
            return "it does not exist";
        }
        var bytes = Encoding.UTF8.GetBytes(existing);
        if (!EmittedHeader.TryRead(bytes, out var header))
        {
            return "it has no req2nix header";
        }
        if (!EmittedHeader.IsBodyIntact(bytes))
        {
            return "it was edited by hand (its body no longer matches the body-sha256 of its header)";
        }
        if (header.GeneratorVersion != EmitOptions.DefaultGeneratorVersion)
        {
            return $"it was written by req2nix {header.GeneratorVersion}, this is {EmitOptions.DefaultGeneratorVersion}";
        }
        if (header.Command != command || !header.Python.Equals(settings.Python) || header.Systems != settings.Systems
            || header.Wheels != settings.Wheels || header.ReuseNixpkgs != settings.ReuseNixpkgs)
        {
            return "it was written with other options";
        }
        if (!header.Inputs.SequenceEqual(inputs.Files))
        {
            var changed = inputs.Files.Where(file => !header.Inputs.Contains(file)).Select(file => file.Path)
                .Concat(header.Inputs.Where(file => inputs.Files.All(now => now.Path != file.Path)).Select(file => file.Path))
                .Distinct();
            return $"its inputs changed: {string.Join(", ", changed)}";
        }
        return null;
    }
}
