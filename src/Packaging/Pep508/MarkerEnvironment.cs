using System.Collections.Frozen;
using Req2Nix.Packaging.Names;
using Req2Nix.Packaging.Pep440;
using Req2Nix.Packaging.Targets;

namespace Req2Nix.Packaging.Pep508;

/// <summary>
/// The values PEP 508 markers are evaluated against: the eleven environment variables, the extra
/// being installed (<c>extra</c>, empty when none) and, for lock files, the sets <c>extras</c> and
/// <c>dependency_groups</c>. Immutable; the version-valued variables are parsed once here so that
/// evaluating a marker allocates nothing.
/// </summary>
public sealed class MarkerEnvironment
{
    private readonly string[] _values;
    private readonly VersionVariable[] _versions;
    private readonly FrozenSet<string>? _extras;
    private readonly FrozenSet<string>? _dependencyGroups;

    /// <summary>
    /// An environment with every variable given; no extra, and no <c>extras</c>/<c>dependency_groups</c>
    /// sets (as packaging's "metadata" context: markers testing them raise). A
    /// <paramref name="pythonFullVersion"/> ending in <c>+</c> (an untagged CPython build) gets
    /// <c>local</c> appended, as packaging does, to be a PEP 440 version.
    /// </summary>
    public MarkerEnvironment(
        string osName,
        string sysPlatform,
        string platformMachine,
        string platformPythonImplementation,
        string platformRelease,
        string platformSystem,
        string platformVersion,
        string pythonVersion,
        string pythonFullVersion,
        string implementationName,
        string implementationVersion)
    {
        ArgumentNullException.ThrowIfNull(pythonFullVersion);
        string[] values =
        [
            osName, sysPlatform, platformMachine, platformPythonImplementation, platformRelease, platformSystem,
            platformVersion, pythonVersion,
            pythonFullVersion.EndsWith('+') ? pythonFullVersion + "local" : pythonFullVersion,
            implementationName, implementationVersion,
        ];
        for (var i = 0; i < values.Length; i++)
        {
            ArgumentNullException.ThrowIfNull(values[i], MarkerVariables.Name((MarkerVariable)i));
        }
        _values = values;
        _versions =
        [
            new VersionVariable(values[(int)MarkerVariable.PythonVersion]),
            new VersionVariable(values[(int)MarkerVariable.PythonFullVersion]),
            new VersionVariable(values[(int)MarkerVariable.ImplementationVersion]),
            new VersionVariable(values[(int)MarkerVariable.PlatformRelease]),
        ];
        Extra = string.Empty;
    }

    private MarkerEnvironment(MarkerEnvironment source, string extra, FrozenSet<string>? extras, FrozenSet<string>? dependencyGroups)
    {
        _values = source._values;
        _versions = source._versions;
        Extra = extra;
        _extras = extras;
        _dependencyGroups = dependencyGroups;
    }

    public string OsName => _values[(int)MarkerVariable.OsName];

    public string SysPlatform => _values[(int)MarkerVariable.SysPlatform];

    public string PlatformMachine => _values[(int)MarkerVariable.PlatformMachine];

    public string PlatformPythonImplementation => _values[(int)MarkerVariable.PlatformPythonImplementation];

    public string PlatformRelease => _values[(int)MarkerVariable.PlatformRelease];

    public string PlatformSystem => _values[(int)MarkerVariable.PlatformSystem];

    public string PlatformVersion => _values[(int)MarkerVariable.PlatformVersion];

    public string PythonVersion => _values[(int)MarkerVariable.PythonVersion];

    public string PythonFullVersion => _values[(int)MarkerVariable.PythonFullVersion];

    public string ImplementationName => _values[(int)MarkerVariable.ImplementationName];

    public string ImplementationVersion => _values[(int)MarkerVariable.ImplementationVersion];

    /// <summary>The extra being installed, PEP 685-normalized; empty when none.</summary>
    public string Extra { get; }

    /// <summary>The lock-file set <c>extras</c> (normalized names), or null when undefined.</summary>
    public IReadOnlySet<string>? Extras => _extras;

    /// <summary>The lock-file set <c>dependency_groups</c> (normalized names), or null when undefined.</summary>
    public IReadOnlySet<string>? DependencyGroups => _dependencyGroups;

    /// <summary>The value of one of the eleven variables or <c>extra</c>; the sets are <see cref="Extras"/> and <see cref="DependencyGroups"/>.</summary>
    public string this[MarkerVariable variable] => variable switch
    {
        MarkerVariable.Extra => Extra,
        MarkerVariable.Extras or MarkerVariable.DependencyGroups =>
            throw new ArgumentException($"'{MarkerVariables.Name(variable)}' is a set; read {variable} instead", nameof(variable)),
        _ => Value(variable),
    };

    /// <summary>
    /// The environment CPython has on a Nix system: <c>os_name</c>, <c>sys_platform</c>,
    /// <c>platform_system</c>, <c>platform_machine</c> from <paramref name="system"/>;
    /// <c>CPython</c>/<c>cpython</c>; the versions of <paramref name="python"/>; and empty
    /// <c>extras</c>/<c>dependency_groups</c> sets. <c>platform_release</c> and
    /// <c>platform_version</c> (the build machine's kernel release and version string) cannot be
    /// known for a Nix build and are empty, the value Python reports when it cannot tell: every
    /// version comparison on <c>platform_release</c> is false (even <c>!=</c>: an empty string is no
    /// version), string tests see an empty string.
    /// </summary>
    public static MarkerEnvironment For(NixSystem system, PythonTarget python)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(python);
        var environment = new MarkerEnvironment(
            osName: system.OsName,
            sysPlatform: system.SysPlatform,
            platformMachine: system.PlatformMachine,
            platformPythonImplementation: "CPython",
            platformRelease: string.Empty,
            platformSystem: system.PlatformSystem,
            platformVersion: string.Empty,
            pythonVersion: python.Version.ToString(),
            pythonFullVersion: python.FullVersion,
            implementationName: "cpython",
            implementationVersion: python.FullVersion);
        return new MarkerEnvironment(environment, string.Empty, FrozenSet<string>.Empty, FrozenSet<string>.Empty);
    }

    /// <summary>
    /// An environment from packaging-style keys (<c>os_name</c>, …, all eleven required), with an
    /// optional <c>extra</c> (normalized; empty means none).
    /// </summary>
    public static MarkerEnvironment FromDictionary(IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        string Get(MarkerVariable variable) =>
            values.TryGetValue(MarkerVariables.Name(variable), out var value)
                ? value
                : throw new ArgumentException($"the environment lacks '{MarkerVariables.Name(variable)}'", nameof(values));
        var environment = new MarkerEnvironment(
            Get(MarkerVariable.OsName),
            Get(MarkerVariable.SysPlatform),
            Get(MarkerVariable.PlatformMachine),
            Get(MarkerVariable.PlatformPythonImplementation),
            Get(MarkerVariable.PlatformRelease),
            Get(MarkerVariable.PlatformSystem),
            Get(MarkerVariable.PlatformVersion),
            Get(MarkerVariable.PythonVersion),
            Get(MarkerVariable.PythonFullVersion),
            Get(MarkerVariable.ImplementationName),
            Get(MarkerVariable.ImplementationVersion));
        return values.TryGetValue(MarkerVariables.Name(MarkerVariable.Extra), out var extra) && extra.Length > 0
            ? new MarkerEnvironment(environment, CanonicalName.Of(extra), null, null)
            : environment;
    }

    /// <summary>This environment installing <paramref name="extra"/> (none when null).</summary>
    public MarkerEnvironment WithExtra(ExtraName? extra) => new(this, ExtraText(extra), _extras, _dependencyGroups);

    /// <summary>This environment with the lock-file set <c>extras</c>.</summary>
    public MarkerEnvironment WithExtras(IEnumerable<ExtraName> extras)
    {
        ArgumentNullException.ThrowIfNull(extras);
        return new(this, Extra, extras.Select(e => e.Value).ToFrozenSet(StringComparer.Ordinal), _dependencyGroups);
    }

    /// <summary>This environment with the lock-file set <c>dependency_groups</c> (names normalized as PEP 735 says).</summary>
    public MarkerEnvironment WithDependencyGroups(IEnumerable<string> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        return new(this, Extra, _extras, groups.Select(CanonicalName.Of).ToFrozenSet(StringComparer.Ordinal));
    }

    internal static string ExtraText(ExtraName? extra) => extra is { } name ? name.Value : string.Empty;

    internal string Value(MarkerVariable variable) => _values[(int)variable];

    internal Pep440Version? Version(MarkerVariable variable) => _versions[MarkerVariables.VersionIndex(variable)].Parsed;

    /// <summary><c>Specifier(op + value)</c> for a version variable, or null when packaging would reject it.</summary>
    internal VersionSpecifier? Specifier(MarkerVariable variable, MarkerOperator op) =>
        _versions[MarkerVariables.VersionIndex(variable)].Specifier(op);

    internal FrozenSet<string>? Set(MarkerVariable variable) =>
        variable == MarkerVariable.Extras ? _extras : _dependencyGroups;

    /// <summary>A version-valued variable, parsed as a version and as the right side of each operator.</summary>
    private sealed class VersionVariable
    {
        private readonly VersionSpecifier?[] _specifiers = new VersionSpecifier?[(int)MarkerOperator.In];

        public VersionVariable(string value)
        {
            Parsed = Pep440Version.ParseOrNull(value);
            for (var op = MarkerOperator.Equal; op < MarkerOperator.In; op++)
            {
                _specifiers[(int)op] = MarkerComparison.TryParseSpecifier(op, value);
            }
        }

        public Pep440Version? Parsed { get; }

        public VersionSpecifier? Specifier(MarkerOperator op) => _specifiers[(int)op];
    }
}
