namespace Req2Nix.Packaging.Pep508;

/// <summary>Names and kinds of <see cref="MarkerVariable"/> values.</summary>
public static class MarkerVariables
{
    /// <summary>The number of <see cref="MarkerVariable"/> values; they are 0 … Count-1.</summary>
    public const int Count = (int)MarkerVariable.DependencyGroups + 1;

    private static readonly string[] Names =
    [
        "os_name",
        "sys_platform",
        "platform_machine",
        "platform_python_implementation",
        "platform_release",
        "platform_system",
        "platform_version",
        "python_version",
        "python_full_version",
        "implementation_name",
        "implementation_version",
        "extra",
        "extras",
        "dependency_groups",
    ];

    /// <summary>The PEP 508 name: <c>python_version</c>, <c>sys_platform</c>, …</summary>
    public static string Name(MarkerVariable variable) => Names[(int)variable];

    /// <summary>Finds a variable by its PEP 508 name (not a legacy dotted spelling).</summary>
    public static bool TryParse(ReadOnlySpan<char> name, out MarkerVariable variable)
    {
        for (var i = 0; i < Names.Length; i++)
        {
            if (name.SequenceEqual(Names[i]))
            {
                variable = (MarkerVariable)i;
                return true;
            }
        }
        variable = default;
        return false;
    }

    /// <summary>
    /// The variables packaging compares as PEP 440 versions when the other side forms a valid
    /// specifier: <c>python_version</c>, <c>python_full_version</c>, <c>implementation_version</c>,
    /// <c>platform_release</c>.
    /// </summary>
    public static bool IsVersion(MarkerVariable variable) =>
        variable is MarkerVariable.PythonVersion or MarkerVariable.PythonFullVersion
            or MarkerVariable.ImplementationVersion or MarkerVariable.PlatformRelease;

    /// <summary>The set-valued variables of lock files: <c>extras</c>, <c>dependency_groups</c>.</summary>
    public static bool IsSet(MarkerVariable variable) =>
        variable is MarkerVariable.Extras or MarkerVariable.DependencyGroups;

    /// <summary>Index 0…3 of a version variable, for per-variable tables.</summary>
    internal static int VersionIndex(MarkerVariable variable) => variable switch
    {
        MarkerVariable.PythonVersion => 0,
        MarkerVariable.PythonFullVersion => 1,
        MarkerVariable.ImplementationVersion => 2,
        MarkerVariable.PlatformRelease => 3,
        _ => throw new ArgumentOutOfRangeException(nameof(variable), variable, "not a version variable"),
    };
}
