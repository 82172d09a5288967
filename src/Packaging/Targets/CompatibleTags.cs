using System.Collections.Concurrent;
using Req2Nix.Packaging.Distributions;

namespace Req2Nix.Packaging.Targets;

/// <summary>
/// The wheel tags nixpkgs' CPython accepts on one <see cref="NixSystem"/>, in pip's order of
/// preference (packaging's <c>sys_tags</c> for CPython): first the interpreter's own ABI
/// (<c>cp311-cp311</c>), then <c>abi3</c> built for this or an older 3.x (<c>cp37-abi3</c> works
/// on 3.11), then ABI-free platform wheels (<c>py3-none-manylinux…</c>), then pure wheels
/// (<c>cp311-none-any</c>, <c>py311</c>, <c>py3</c>, <c>py310</c>, …). Within each group the
/// platform tags go from most to least specific: the newest glibc or macOS first.
/// </summary>
public sealed class CompatibleTags
{
    /// <summary>The glibc of current nixpkgs, the newest <c>manylinux_2_Y</c> accepted by default.</summary>
    public static readonly PlatformVersion NixpkgsGlibc = new(2, 40);

    /// <summary>
    /// The default macOS deployment target, the newest <c>macosx_X_Y</c> accepted. nixpkgs
    /// 25.05 and later need macOS 11.3 on both Darwin systems, and macOS 11 and later tag wheels
    /// by major version only, so 11.0 accepts every wheel those systems run. (nixpkgs 24.11 and
    /// older ran x86_64-darwin from 10.12: pass that for them.)
    /// </summary>
    public static readonly PlatformVersion NixpkgsMacosDeploymentTarget = new(11, 0);

    private static readonly ConcurrentDictionary<(NixSystem, PythonVersion), CompatibleTags> Defaults = new();

    private readonly WheelTag[] _tags;
    private readonly Dictionary<WheelTag, int> _ranks;

    /// <param name="glibc">Linux only: the newest glibc a wheel may need (default <see cref="NixpkgsGlibc"/>).</param>
    /// <param name="macosDeploymentTarget">macOS only: the oldest macOS the result must run on (default <see cref="NixpkgsMacosDeploymentTarget"/>).</param>
    public CompatibleTags(NixSystem system, PythonVersion python, PlatformVersion? glibc = null, PlatformVersion? macosDeploymentTarget = null)
    {
        System = system;
        Python = python;
        Glibc = glibc ?? NixpkgsGlibc;
        MacosDeploymentTarget = macosDeploymentTarget ?? NixpkgsMacosDeploymentTarget;
        var platforms = system.IsLinux
            ? LinuxPlatformTags.For(system.PlatformMachine, Glibc).ToArray()
            : MacosPlatformTags.For(system.PlatformMachine, MacosDeploymentTarget).ToArray();
        _tags = [.. CPythonTags(python, platforms)];
        _ranks = new Dictionary<WheelTag, int>(_tags.Length);
        for (var rank = 0; rank < _tags.Length; rank++)
        {
            _ranks.TryAdd(_tags[rank], rank);
        }
    }

    public NixSystem System { get; }

    public PythonVersion Python { get; }

    public PlatformVersion Glibc { get; }

    public PlatformVersion MacosDeploymentTarget { get; }

    /// <summary>Every accepted tag, best first.</summary>
    public IReadOnlyList<WheelTag> Tags => _tags;

    /// <summary>The tags for <paramref name="system"/> and <paramref name="python"/> with nixpkgs' defaults, built once and shared.</summary>
    public static CompatibleTags For(NixSystem system, PythonVersion python) =>
        Defaults.GetOrAdd((system, python), static key => new CompatibleTags(key.Item1, key.Item2));

    /// <summary>Can nixpkgs' CPython <paramref name="python"/> on <paramref name="system"/> install <paramref name="wheel"/>? (nixpkgs' defaults.)</summary>
    public static bool IsCompatible(WheelFilename wheel, NixSystem system, PythonVersion python) =>
        For(system, python).IsCompatible(wheel);

    public bool IsCompatible(WheelFilename wheel) => Rank(wheel) is not null;

    public bool IsCompatible(WheelTag tag) => _ranks.ContainsKey(tag);

    /// <summary>
    /// The wheel's preference: the position of its best tag in <see cref="Tags"/> (0 is best), or
    /// null when none of its tags is accepted. Among wheels of one version, the lowest rank wins;
    /// on a tie, the higher <see cref="WheelFilename.BuildTag"/>.
    /// </summary>
    public int? Rank(WheelFilename wheel)
    {
        var best = int.MaxValue;
        var tags = wheel.Tags;
        for (var i = 0; i < tags.Count; i++)
        {
            if (_ranks.TryGetValue(tags[i], out var rank) && rank < best)
            {
                best = rank;
            }
        }
        return best == int.MaxValue ? null : best;
    }

    private static IEnumerable<WheelTag> CPythonTags(PythonVersion python, string[] platforms)
    {
        var interpreter = $"cp{python.NoDot}";
        // Before 3.8, CPython's default build (pymalloc) marked its ABI with 'm'.
        var abi = python.Minor < 8 ? interpreter + "m" : interpreter;
        var abi3Applies = python.Minor >= 2;

        foreach (var platform in platforms)
        {
            yield return new WheelTag(interpreter, abi, platform);
        }
        if (abi3Applies)
        {
            foreach (var platform in platforms)
            {
                yield return new WheelTag(interpreter, "abi3", platform);
            }
        }
        foreach (var platform in platforms)
        {
            yield return new WheelTag(interpreter, "none", platform);
        }
        if (abi3Applies)
        {
            for (var minor = python.Minor - 1; minor >= 2; minor--)
            {
                var older = $"cp{python.Major}{minor}";
                foreach (var platform in platforms)
                {
                    yield return new WheelTag(older, "abi3", platform);
                }
            }
        }

        var pythonTags = PythonTagsNewestFirst(python);
        foreach (var pythonTag in pythonTags)
        {
            foreach (var platform in platforms)
            {
                yield return new WheelTag(pythonTag, "none", platform);
            }
        }
        yield return new WheelTag(interpreter, "none", "any");
        foreach (var pythonTag in pythonTags)
        {
            yield return new WheelTag(pythonTag, "none", "any");
        }
    }

    /// <summary><c>py311</c>, <c>py3</c>, <c>py310</c>, … <c>py30</c>: what pure code written for any of them runs on.</summary>
    private static List<string> PythonTagsNewestFirst(PythonVersion python)
    {
        var tags = new List<string> { $"py{python.NoDot}", $"py{python.Major}" };
        for (var minor = python.Minor - 1; minor >= 0; minor--)
        {
            tags.Add($"py{python.Major}{minor}");
        }
        return tags;
    }
}
