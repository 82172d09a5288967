using System.Diagnostics.CodeAnalysis;

namespace Req2Nix.Packaging.Targets;

/// <summary>
/// The interpreter a Nix build targets: CPython <c>3.Y</c> or <c>3.Y.Z</c>. Without a patch
/// level, markers see <c>3.Y.0</c> as <c>python_full_version</c> (uv's rule: the lowest release of
/// that minor version); give the patch level to match the one nixpkgs ships.
/// </summary>
public sealed class PythonTarget : IEquatable<PythonTarget>
{
    public PythonTarget(PythonVersion version, int? micro = null)
    {
        if (micro is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(micro), micro, "the patch level cannot be negative");
        }
        Version = version;
        Micro = micro;
        FullVersion = $"{version.Major}.{version.Minor}.{micro ?? 0}";
    }

    /// <summary>The <c>major.minor</c> version; its tags and <c>python_version</c>.</summary>
    public PythonVersion Version { get; }

    /// <summary>The patch level, when given.</summary>
    public int? Micro { get; }

    /// <summary>What markers see as <c>python_full_version</c> and <c>implementation_version</c>: <c>3.12.4</c>, or <c>3.11.0</c> for a target <c>3.11</c>.</summary>
    public string FullVersion { get; }

    /// <summary>The nixpkgs attribute of the interpreter: <c>python311</c>.</summary>
    public string NixAttribute => $"python{Version.NoDot}";

    /// <summary>Reads <c>3.11</c> or <c>3.12.4</c>; throws <see cref="InvalidTargetException"/> otherwise.</summary>
    public static PythonTarget Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var span = text.AsSpan();
        var lastDot = span.LastIndexOf('.');
        var firstDot = span.IndexOf('.');
        if (lastDot > firstDot)
        {
            var micro = span[(lastDot + 1)..];
            if (micro.IsEmpty || micro.ContainsAnyExceptInRange('0', '9') || micro.Length > 6)
            {
                throw new InvalidTargetException(
                    $"'{text}' is not a Python version; expected major.minor or major.minor.patch, such as 3.11 or 3.12.4",
                    lastDot + 2);
            }
            return new PythonTarget(PythonVersion.Parse(span[..lastDot]), int.Parse(micro, System.Globalization.CultureInfo.InvariantCulture));
        }
        return new PythonTarget(PythonVersion.Parse(span));
    }

    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out PythonTarget? target)
    {
        target = null;
        if (text is null)
        {
            return false;
        }
        try
        {
            target = Parse(text);
            return true;
        }
        catch (InvalidTargetException)
        {
            return false;
        }
    }

    /// <summary><c>3.11</c> or <c>3.12.4</c>, as given.</summary>
    public override string ToString() => Micro is { } micro ? $"{Version}.{micro}" : Version.ToString();

    public bool Equals(PythonTarget? other) => other is not null && Version == other.Version && Micro == other.Micro;

    public override bool Equals(object? obj) => obj is PythonTarget other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Version, Micro);
}
