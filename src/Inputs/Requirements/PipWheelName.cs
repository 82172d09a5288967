using Req2Nix.Packaging.Pep440;

namespace Req2Nix.Inputs.Requirements;

/// <summary>
/// The project name and version pip 23.2.1 takes from a wheel's file name (its <c>Wheel.wheel_file_re</c>):
/// <c>name-version[-build]-python-abi-platform.whl</c>, parts without <c>-</c> or whitespace, the
/// build tag starting with a digit; <c>_</c> becomes <c>-</c> in name and version, nothing else changes.
/// </summary>
internal static class PipWheelName
{
    public static bool TryRead(string fileName, out string name, out string version)
    {
        name = version = string.Empty;
        if (!fileName.EndsWith(".whl", StringComparison.Ordinal))
        {
            return false;
        }
        var parts = fileName[..^4].Split('-');
        if (parts.Length is not (5 or 6))
        {
            return false;
        }
        for (var i = 0; i < parts.Length; i++)
        {
            var isBuild = parts.Length == 6 && i == 2;
            var isVersion = i == 1;
            if (isBuild)
            {
                if (parts[i].Length == 0 || !char.IsDigit(parts[i][0]))
                {
                    return false;
                }
                continue;
            }
            if ((!isVersion && parts[i].Length == 0) || PythonWhitespace.IndexOf(parts[i]) >= 0)
            {
                return false;
            }
        }
        name = parts[0].Replace('_', '-');
        version = parts[1].Replace('_', '-');
        return true;
    }
}
