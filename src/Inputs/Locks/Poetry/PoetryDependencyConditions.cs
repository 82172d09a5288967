using Req2Nix.Inputs.Toml;
using Req2Nix.Packaging.Pep508;

namespace Req2Nix.Inputs.Locks.Poetry;

/// <summary>
/// The parsed conditions of a <see cref="PoetryDependency"/>: its marker (its <c>markers</c>, and
/// its <c>python</c> and <c>platform</c> keys as markers, all of which must hold) and its version
/// constraint. Problems are <see cref="TomlException"/>s at the offending string, for each reader
/// to wrap in its own exception type.
/// </summary>
internal static class PoetryDependencyConditions
{
    public static Marker? MarkerOf(PoetryDependency dependency)
    {
        Marker? marker = null;
        if (dependency.Markers is { } markers && !string.IsNullOrWhiteSpace(markers))
        {
            marker = ParseMarker(markers, dependency.MarkersValue, dependency.Position);
        }
        if (dependency.Python is { } python
            && PoetryMarkers.ForPython(ConstraintOf(python, dependency.PythonValue, dependency.Position)) is { } pythonMarker)
        {
            marker = Both(marker, ParseMarker(pythonMarker, null, dependency.PythonValue?.Position ?? dependency.Position));
        }
        if (dependency.Platform is { } platform && PoetryMarkers.ForPlatform(platform) is { } platformMarker)
        {
            marker = Both(marker, ParseMarker(platformMarker, null, dependency.Position));
        }
        return marker;
    }

    private static Marker Both(Marker? first, Marker second) => first is null ? second : first.And(second);

    /// <summary>The version constraint; <c>*</c> when none is written.</summary>
    public static PoetryConstraint ConstraintOf(PoetryDependency dependency) =>
        dependency.Version is { } version ? ConstraintOf(version, dependency.VersionValue, dependency.Position) : PoetryConstraint.Any;

    public static PoetryConstraint ConstraintOf(string text, TomlString? value, TomlPosition fallback)
    {
        try
        {
            return PoetryConstraint.Parse(text);
        }
        catch (PoetryConstraintException error)
        {
            var position = value is null ? fallback : StringPosition.Inside(value, error.Column - 1);
            throw new TomlException($"invalid version constraint '{text}': {error.Reason}", position);
        }
    }

    public static Marker ParseMarker(string text, TomlString? value, TomlPosition fallback)
    {
        if (Marker.TryParse(text, out var marker, out var error))
        {
            return marker;
        }
        var position = value is null ? fallback : StringPosition.Inside(value, error.Column);
        throw new TomlException($"invalid marker '{text}': {error.Message}", position);
    }
}
