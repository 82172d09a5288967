using System.Text;
using Req2Nix.Emit.Nix;
using Req2Nix.Emit.Packages;
using Req2Nix.Packaging.Hashing;
using Req2Nix.Resolver;

namespace Req2Nix.Emit;

/// <summary>
/// Writes <c>python-packages.nix</c>: an overlay for a Python package set,
/// <c>{ pkgs, ... }: final: prev: { … }</c>, one attribute per package of the resolution, named
/// by its PEP 503 name, sorted, formatted as nixfmt would, after an <see cref="EmittedHeader"/>.
/// Pure: everything comes from the resolution and the options, and the same inputs give the same
/// bytes. Throws <see cref="ArgumentException"/> for a resolution that contradicts itself (an
/// edge to a package it lacks, two versions of a name for one system).
/// </summary>
public static class PythonPackagesFile
{
    /// <summary>The file name <c>req2nix init</c> writes and the header's usage example imports.</summary>
    public const string DefaultFileName = "python-packages.nix";

    /// <summary>The whole file: header and body.</summary>
    public static string Write(Resolution resolution, EmitOptions options)
    {
        ArgumentNullException.ThrowIfNull(resolution);
        ArgumentNullException.ThrowIfNull(options);
        var body = WriteBody(resolution, options);
        var header = new EmittedHeader(
            options.GeneratorVersion,
            options.Inputs,
            resolution.Target.Python,
            resolution.Target.Systems,
            options.Wheels,
            options.ReuseNixpkgs,
            options.Command,
            Sha256Digest.Compute(Encoding.UTF8.GetBytes(body)))
        {
            Notes = resolution.Notes,
        };
        return header.Write() + body;
    }

    /// <summary>The file without its header: what the header's <c>body-sha256</c> covers.</summary>
    public static string WriteBody(Resolution resolution, EmitOptions options)
    {
        ArgumentNullException.ThrowIfNull(resolution);
        ArgumentNullException.ThrowIfNull(options);
        var packages = new PackageAttributes(resolution);
        var cycles = DependencyCycles.Find(packages);
        var expressions = new PackageExpression(packages, cycles, options, resolution.Roots);

        var output = new StringBuilder();
        output.Append("""
            { pkgs, ... }:

            final: prev:

            let
              inherit (pkgs) lib stdenv fetchurl fetchPypi;
              inherit (prev) buildPythonPackage;
            in

            """);
        var names = packages.Names;
        if (names.Length == 0)
        {
            output.Append("{ }\n");
            return output.ToString();
        }
        output.Append("{\n");
        var formatter = new NixFormatter(output);
        for (var i = 0; i < names.Length; i++)
        {
            if (i > 0)
            {
                output.Append('\n');
            }
            formatter.WriteBinding(expressions.Build(names[i]), indent: 2);
        }
        output.Append("}\n");
        return output.ToString();
    }
}
