using System.Globalization;
using System.Text;
using Req2Nix.Packaging.Pep440;

namespace Req2Nix.Inputs.Locks.Poetry;

/// <summary>
/// The version arithmetic behind Poetry's <c>^</c>, <c>~</c>, <c>~=</c> and wildcard constraints
/// (poetry-core's <c>next_major</c>, <c>next_minor</c>, <c>next_patch</c>, <c>next_breaking</c>,
/// <c>stable</c>, <c>first_devrelease</c>): bounds are built from the release numbers, keeping
/// their precision (<c>^1.2</c> stops before <c>2.0</c>, <c>^1.2.3</c> before <c>2.0.0</c>).
/// </summary>
internal static class PoetryVersion
{
    /// <summary>The upper bound of <c>^V</c>: the next major, or the next minor for 0.x, or the next patch for 0.0.x.</summary>
    public static Pep440Version NextBreaking(Pep440Version version)
    {
        var release = version.Release;
        if (release[0] > 0 || release.Length < 2)
        {
            return NextMajor(version);
        }
        if (release[1] > 0 || release.Length < 3)
        {
            return NextMinor(version);
        }
        return NextPatch(version);
    }

    /// <summary>The upper bound of <c>~V</c>: the next minor, or the next major when only a major is given.</summary>
    public static Pep440Version TildeUpperBound(Pep440Version version) =>
        version.Release.Length == 1 ? NextMajor(version) : NextMinor(version);

    /// <summary>The upper bound of Poetry's <c>~=V</c>: the next major for <c>X.Y</c>, else the next minor (also for a bare <c>X</c>).</summary>
    public static Pep440Version CompatibleUpperBound(Pep440Version version) =>
        version.Release.Length == 2 ? NextMajor(version) : NextMinor(version);

    /// <summary>Whether a wildcard on the version is PEP 440's own prefix match: no pre-, post- or dev-release part.</summary>
    public static bool IsPlainRelease(Pep440Version version) => version.Pre is null && version.Post is null && version.Dev is null;

    /// <summary>The half-open range <c>[low, high)</c> Poetry gives <c>==V.*</c> when V is not a plain release.</summary>
    public static (Pep440Version Low, Pep440Version High) WildcardRange(Pep440Version version)
    {
        var low = FirstDevRelease(version);
        Pep440Version high;
        if (version.Post is { } post)
        {
            high = Build(version.Epoch, version.Release, version.Pre, version.Dev is null ? post + 1 : post, dev: null);
        }
        else if (version.Pre is { } pre)
        {
            var next = version.Dev is null ? pre with { Number = pre.Number + 1 } : pre;
            high = Build(version.Epoch, version.Release, next, post: null, dev: null);
        }
        else
        {
            high = Build(version.Epoch, version.Release, pre: null, post: null, dev: version.Dev.GetValueOrDefault() + 1);
        }
        return (low, high.IsDevRelease ? high : FirstDevRelease(high));
    }

    private static Pep440Version FirstDevRelease(Pep440Version version) =>
        Build(version.Epoch, version.Release, version.Pre, version.Post, dev: 0);

    private static Pep440Version NextMajor(Pep440Version version)
    {
        var release = version.Release.ToArray();
        release[0]++;
        Array.Clear(release, 1, release.Length - 1);
        return Build(version.Epoch, release, pre: null, post: null, dev: null);
    }

    private static Pep440Version NextMinor(Pep440Version version)
    {
        var release = new ulong[Math.Max(2, version.Release.Length)];
        version.Release.CopyTo(release);
        release[1]++;
        Array.Clear(release, 2, release.Length - 2);
        return Build(version.Epoch, release, pre: null, post: null, dev: null);
    }

    private static Pep440Version NextPatch(Pep440Version version)
    {
        var release = new ulong[Math.Max(3, version.Release.Length)];
        version.Release.CopyTo(release);
        release[2]++;
        Array.Clear(release, 3, release.Length - 3);
        return Build(version.Epoch, release, pre: null, post: null, dev: null);
    }

    private static Pep440Version Build(ulong epoch, ReadOnlySpan<ulong> release, PreRelease? pre, ulong? post, ulong? dev)
    {
        var text = new StringBuilder();
        if (epoch != 0)
        {
            text.Append(epoch.ToString(CultureInfo.InvariantCulture)).Append('!');
        }
        for (var i = 0; i < release.Length; i++)
        {
            if (i > 0)
            {
                text.Append('.');
            }
            text.Append(release[i].ToString(CultureInfo.InvariantCulture));
        }
        if (pre is { } preRelease)
        {
            text.Append(preRelease.ToString());
        }
        if (post is { } postNumber)
        {
            text.Append(".post").Append(postNumber.ToString(CultureInfo.InvariantCulture));
        }
        if (dev is { } devNumber)
        {
            text.Append(".dev").Append(devNumber.ToString(CultureInfo.InvariantCulture));
        }
        return Pep440Version.Parse(text.ToString());
    }
}
