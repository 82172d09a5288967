using System.Text;
using Req2Nix.Packaging.Pep440;

namespace Req2Nix.Inputs.Locks.Poetry;

/// <summary>
/// The PEP 508 markers Poetry derives from a dependency's <c>python</c> and <c>platform</c> keys
/// (poetry-core's <c>create_nested_marker</c>): <c>python = "^3.8"</c> becomes
/// <c>python_version &gt;= "3.8" and python_version &lt; "4.0"</c>, alternatives are joined with
/// <c>or</c>. A version with three or more release numbers compares <c>python_full_version</c>;
/// so do <c>&gt;3.8</c> and <c>&lt;=3.8</c>, which must see the patch level (<c>&gt;3.8</c> admits
/// 3.8.1).
/// </summary>
internal static class PoetryMarkers
{
    /// <summary>The marker text for a Python constraint, or null when it allows every version.</summary>
    public static string? ForPython(PoetryConstraint constraint)
    {
        if (constraint.IsAny)
        {
            return null;
        }
        var alternatives = new List<string>(constraint.Alternatives.Count);
        foreach (var alternative in constraint.Alternatives)
        {
            if (alternative.Count == 0)
            {
                return null;
            }
            var clauses = new List<string>(alternative.Count);
            foreach (var clause in alternative)
            {
                clauses.Add(PythonClause(clause));
            }
            alternatives.Add(string.Join(" and ", clauses));
        }
        return Join(alternatives);
    }

    /// <summary>
    /// The marker text for a <c>platform</c> value (poetry-core's generic constraint: <c>linux</c>,
    /// <c>!=win32</c>, <c>linux || darwin</c>, <c>darwin,!=x</c>), comparing <c>sys_platform</c>;
    /// null for <c>*</c>.
    /// </summary>
    public static string? ForPlatform(string platform)
    {
        if (platform.Trim() is "*" or "")
        {
            return null;
        }
        var alternatives = new List<string>();
        foreach (var alternative in platform.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var clauses = new List<string>();
            foreach (var part in alternative.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var op = part.StartsWith("!=", StringComparison.Ordinal) ? "!=" : "==";
                var value = part.TrimStart('!', '=').Trim();
                clauses.Add($"sys_platform {op} \"{value}\"");
            }
            if (clauses.Count > 0)
            {
                alternatives.Add(string.Join(" and ", clauses));
            }
        }
        return alternatives.Count == 0 ? null : Join(alternatives);
    }

    private static string Join(List<string> alternatives) =>
        alternatives.Count == 1
            ? alternatives[0]
            : string.Join(" or ", alternatives.Select(a => a.Contains(" and ", StringComparison.Ordinal) ? $"({a})" : a));

    private static string PythonClause(VersionSpecifier clause)
    {
        var op = clause.Operator.ToText();
        var version = clause.Version!;
        var precision = version.Release.Length;
        if (clause.IsPrefixMatch)
        {
            return $"{(precision >= 3 ? "python_full_version" : "python_version")} {op} \"{clause.VersionText}\"";
        }
        var plain = PoetryVersion.IsPlainRelease(version) && version.Local is null;
        if (plain && precision < 3 && clause.Operator is SpecifierOperator.GreaterThan or SpecifierOperator.LessThanOrEqual)
        {
            return $"python_full_version {op} \"{Padded(version)}\"";
        }
        var variable = precision >= 3 || !plain ? "python_full_version" : "python_version";
        return $"{variable} {op} \"{version}\"";
    }

    /// <summary>The release padded to three numbers: <c>3.8</c> → <c>3.8.0</c>.</summary>
    private static string Padded(Pep440Version version)
    {
        var text = new StringBuilder(version.ToString());
        for (var i = version.Release.Length; i < 3; i++)
        {
            text.Append(".0");
        }
        return text.ToString();
    }
}
