using System.Text.Json;
using Req2Nix.Packaging.Targets;
using Req2Nix.Tests.Shared;

namespace Req2Nix.Emit.Tests.Support;

/// <summary>
/// Evaluates a generated overlay with <c>nix-instantiate</c> against <c>stub-python-set.nix</c>
/// for one system and returns its summary: per attribute, what a build would get there.
/// </summary>
internal static class StubEvaluation
{
    private static readonly string StubPath = Path.Combine(AppContext.BaseDirectory, "Support", "stub-python-set.nix");

    public static JsonElement Evaluate(string fileText, NixSystem system) => EvaluateSkippingSources(fileText, system, []);

    /// <summary>As <see cref="Evaluate"/>, without forcing the <c>src</c> of <paramref name="skipped"/> (a git fetch would need the network).</summary>
    public static JsonElement EvaluateSkippingSources(string fileText, NixSystem system, IReadOnlyList<string> skipped)
    {
        var directory = Directory.CreateTempSubdirectory("req2nix-emit-");
        try
        {
            var file = Path.Combine(directory.FullName, "python-packages.nix");
            File.WriteAllText(file, fileText);
            NixTools.Run("nix-instantiate", "--parse", file);
            var json = NixTools.Run(
                "nix-instantiate", "--eval", "--strict", "--json", StubPath, "--arg", "file", file, "--argstr", "system", system.Name,
                "--arg", "skipSrc", "[ " + string.Join(' ', skipped.Select(Req2Nix.Emit.Nix.NixString.Quote)) + " ]");
            return JsonDocument.Parse(json).RootElement.Clone();
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    /// <summary>Parses <paramref name="fileText"/> with nix-instantiate (fails when it is not Nix).</summary>
    public static void Parse(string fileText)
    {
        var directory = Directory.CreateTempSubdirectory("req2nix-emit-");
        try
        {
            var file = Path.Combine(directory.FullName, "file.nix");
            File.WriteAllText(file, fileText);
            NixTools.Run("nix-instantiate", "--parse", file);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    public static string[] Strings(this JsonElement element) =>
        [.. element.EnumerateArray().Select(e => e.GetString() ?? throw new InvalidOperationException("null in a list"))];
}
