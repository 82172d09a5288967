namespace Req2Nix.Packaging.Targets;

/// <summary>
/// The macOS platform tags a deployment target accepts, best first, as pip orders them. A wheel
/// tagged <c>macosx_X_Y</c> needs macOS X.Y or newer, so a target accepts every release up to
/// its own: 10.x releases by minor (10.12, 10.11, …), 11 and later by major (13_0, 12_0, 11_0).
/// Each release lists the binary formats that hold the architecture: the architecture itself,
/// then the fat formats (<c>intel</c>, <c>fat64</c>, <c>fat32</c> for x86_64), <c>universal2</c>
/// and <c>universal</c>. On macOS 11 and later, x86_64 also takes the 10.16 … 10.4 releases,
/// and arm64 takes their <c>universal2</c> builds (whose arm64 half targets 11.0 anyway).
/// </summary>
internal static class MacosPlatformTags
{
    public static IEnumerable<string> For(string architecture, PlatformVersion target)
    {
        if (target.Major == 10)
        {
            for (var minor = target.Minor; minor >= 0; minor--)
            {
                foreach (var tag in Release(10, minor, architecture))
                {
                    yield return tag;
                }
            }
            yield break;
        }
        if (target.Major < 10)
        {
            yield break;
        }
        for (var major = target.Major; major >= 11; major--)
        {
            foreach (var tag in Release(major, 0, architecture))
            {
                yield return tag;
            }
        }
        for (var minor = 16; minor >= 4; minor--)
        {
            if (architecture == "x86_64")
            {
                foreach (var tag in Release(10, minor, architecture))
                {
                    yield return tag;
                }
            }
            else
            {
                yield return $"macosx_10_{minor}_universal2";
            }
        }
    }

    private static IEnumerable<string> Release(int major, int minor, string architecture)
    {
        var release = $"macosx_{major}_{minor}_";
        if (architecture == "x86_64")
        {
            // 64-bit Intel binaries need 10.4 or later.
            if (major == 10 && minor < 4)
            {
                yield break;
            }
            yield return release + architecture;
            yield return release + "intel";
            yield return release + "fat64";
            yield return release + "fat32";
            yield return release + "universal2";
            yield return release + "universal";
        }
        else
        {
            yield return release + architecture;
            yield return release + "universal2";
        }
    }
}
