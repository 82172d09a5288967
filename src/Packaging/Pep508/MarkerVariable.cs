namespace Req2Nix.Packaging.Pep508;

/// <summary>
/// An environment marker variable of PEP 508, plus the set-valued <c>extras</c> and
/// <c>dependency_groups</c> of lock files (PEP 751). The legacy spellings <c>os.name</c>,
/// <c>sys.platform</c>, <c>platform.version</c>, <c>platform.machine</c>,
/// <c>platform.python_implementation</c> and <c>python_implementation</c> parse to these.
/// </summary>
public enum MarkerVariable
{
    OsName,
    SysPlatform,
    PlatformMachine,
    PlatformPythonImplementation,
    PlatformRelease,
    PlatformSystem,
    PlatformVersion,
    PythonVersion,
    PythonFullVersion,
    ImplementationName,
    ImplementationVersion,

    /// <summary>The extra being installed (a single name, empty when none); compared after PEP 685 normalization.</summary>
    Extra,

    /// <summary>The set of extras a lock file installs; only <c>"name" in extras</c> is meaningful.</summary>
    Extras,

    /// <summary>The set of dependency groups a lock file installs; only <c>"name" in dependency_groups</c> is meaningful.</summary>
    DependencyGroups,
}
