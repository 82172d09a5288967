using System.Diagnostics.CodeAnalysis;
using Req2Nix.Packaging.Names;

namespace Req2Nix.Packaging.Distributions;

/// <summary>
/// A wheel's file name (PEP 427, PEP 491):
/// <c>{name}-{version}[-{build tag}]-{python tags}-{abi tags}-{platform tags}.whl</c>, where each
/// tag set may be compressed with dots (<c>py2.py3-none-any</c>) and stands for every
/// combination of its members (<see cref="Tags"/>).
/// </summary>
public sealed class WheelFilename : DistributionFilename
{
    /// <summary>The extension every wheel has.</summary>
    public const string WheelExtension = ".whl";

    private WheelTag[]? _tags;

    private WheelFilename(
        string filename,
        string nameText,
        PackageName name,
        string versionText,
        WheelBuildTag? buildTag,
        string[] pythonTags,
        string[] abiTags,
        string[] platformTags)
        : base(filename, nameText, name, versionText, WheelExtension)
    {
        BuildTag = buildTag;
        PythonTags = pythonTags;
        AbiTags = abiTags;
        PlatformTags = platformTags;
    }

    public override DistributionKind Kind => DistributionKind.Wheel;

    /// <summary>The build tag, which orders wheels that are otherwise alike; null when there is none.</summary>
    public WheelBuildTag? BuildTag { get; }

    /// <summary>The python tags, lower-case, in filename order: <c>py2</c>, <c>py3</c>; <c>cp311</c>.</summary>
    public IReadOnlyList<string> PythonTags { get; }

    /// <summary>The ABI tags, lower-case: <c>none</c>, <c>abi3</c>, <c>cp311</c>.</summary>
    public IReadOnlyList<string> AbiTags { get; }

    /// <summary>The platform tags, lower-case: <c>any</c>, <c>manylinux_2_17_x86_64</c>, <c>macosx_11_0_arm64</c>.</summary>
    public IReadOnlyList<string> PlatformTags { get; }

    /// <summary>Every tag the compressed tag sets stand for: python × ABI × platform, in filename order.</summary>
    public IReadOnlyList<WheelTag> Tags => _tags ??= ExpandTags();

    /// <summary>True for a pure-Python wheel: ABI <c>none</c> and platform <c>any</c>, usable on every system.</summary>
    public bool IsPure => AbiTags is ["none"] && PlatformTags is ["any"];

    /// <summary>Reads a wheel filename; throws <see cref="InvalidFilenameException"/> otherwise.</summary>
    public static WheelFilename Parse(string filename) =>
        TryRead(filename, out var wheel, out var problem) ? wheel : throw problem.ToException();

    public static bool TryParse(string filename, [NotNullWhen(true)] out WheelFilename? wheel) =>
        TryRead(filename, out wheel, out _);

    /// <param name="reason">On failure, what is wrong and at which column.</param>
    public static bool TryParse(string filename, [NotNullWhen(true)] out WheelFilename? wheel, [NotNullWhen(false)] out string? reason)
    {
        var read = TryRead(filename, out wheel, out var problem);
        reason = problem?.Message;
        return read;
    }

    internal static bool TryRead(
        string filename,
        [NotNullWhen(true)] out WheelFilename? wheel,
        [NotNullWhen(false)] out FilenameProblem? problem)
    {
        wheel = null;
        if (!filename.EndsWith(WheelExtension, StringComparison.Ordinal))
        {
            problem = new(filename, $"a wheel's name ends with '{WheelExtension}'", 1);
            return false;
        }
        var stem = filename.AsSpan(0, filename.Length - WheelExtension.Length);
        Span<Range> parts = stackalloc Range[7];
        var count = stem.Split(parts, '-');
        if (count is not (5 or 6))
        {
            problem = new(
                filename,
                $"a wheel's name has 5 or 6 parts separated by '-' (name-version[-build]-python-abi-platform.whl), not {stem.Count('-') + 1}",
                1);
            return false;
        }

        var name = parts[0];
        var (nameStart, nameLength) = name.GetOffsetAndLength(stem.Length);
        var nameText = stem[name];
        var invalidAt = NameSyntax.FindInvalidCharacter(nameText);
        if (invalidAt >= 0)
        {
            problem = new(filename, NameSyntax.DescribeInvalidCharacter(nameText, invalidAt, "the project name"), nameStart + invalidAt + 1);
            return false;
        }

        var (versionStart, versionLength) = parts[1].GetOffsetAndLength(stem.Length);
        problem = FilenameProblem.CheckVersionText(filename, versionStart, versionLength, allowDash: false);
        if (problem is not null)
        {
            return false;
        }

        WheelBuildTag? buildTag = null;
        if (count == 6)
        {
            problem = ReadBuildTag(filename, parts[2].GetOffsetAndLength(stem.Length), out var tag);
            if (problem is not null)
            {
                return false;
            }
            buildTag = tag;
        }

        var pythonTags = ReadTagSet(filename, parts[count - 3].GetOffsetAndLength(stem.Length), "python", ref problem);
        var abiTags = ReadTagSet(filename, parts[count - 2].GetOffsetAndLength(stem.Length), "ABI", ref problem);
        var platformTags = ReadTagSet(filename, parts[count - 1].GetOffsetAndLength(stem.Length), "platform", ref problem);
        if (problem is not null)
        {
            return false;
        }

        var nameString = filename.Substring(nameStart, nameLength);
        wheel = new WheelFilename(
            filename,
            nameString,
            PackageName.Parse(nameString),
            filename.Substring(versionStart, versionLength),
            buildTag,
            pythonTags!,
            abiTags!,
            platformTags!);
        return true;
    }

    private static FilenameProblem? ReadBuildTag(string filename, (int Start, int Length) part, out WheelBuildTag tag)
    {
        tag = default;
        var text = filename.AsSpan(part.Start, part.Length);
        var digits = text.IndexOfAnyExceptInRange('0', '9');
        if (digits < 0)
        {
            digits = text.Length;
        }
        if (digits == 0)
        {
            return new(filename, "the build tag must start with a digit", part.Start + 1);
        }
        if (!long.TryParse(text[..digits], out var number))
        {
            return new(filename, "the build number is too large", part.Start + 1);
        }
        for (var i = digits; i < text.Length; i++)
        {
            if (!char.IsAsciiLetterOrDigit(text[i]) && text[i] is not ('_' or '.'))
            {
                return new(filename, $"{FilenameProblem.Describe(text[i])} cannot appear in a build tag", part.Start + i + 1);
            }
        }
        tag = new WheelBuildTag(number, text[digits..].ToString());
        return null;
    }

    /// <summary>Checks a compressed tag set and returns its tags (<see cref="WheelTagSets"/>); keeps the first problem it or an earlier set found.</summary>
    private static string[]? ReadTagSet(string filename, (int Start, int Length) part, string kind, ref FilenameProblem? problem)
    {
        if (problem is not null)
        {
            return null;
        }
        var text = filename.AsSpan(part.Start, part.Length);
        var tagStart = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] != '.')
            {
                if (!char.IsAsciiLetterOrDigit(text[i]) && text[i] != '_')
                {
                    problem = new(filename, $"{FilenameProblem.Describe(text[i])} cannot appear in a {kind} tag", part.Start + i + 1);
                    return null;
                }
                continue;
            }
            if (i == tagStart)
            {
                problem = new(filename, $"empty {kind} tag", part.Start + i + 1);
                return null;
            }
            tagStart = i + 1;
        }
        return WheelTagSets.Of(text);
    }

    private WheelTag[] ExpandTags()
    {
        var tags = new WheelTag[PythonTags.Count * AbiTags.Count * PlatformTags.Count];
        var index = 0;
        foreach (var python in PythonTags)
        {
            foreach (var abi in AbiTags)
            {
                foreach (var platform in PlatformTags)
                {
                    tags[index++] = new WheelTag(python, abi, platform);
                }
            }
        }
        return tags;
    }
}
