namespace Req2Nix.Emit;

/// <summary>Which files a package is built from (<c>--wheels</c>).</summary>
public enum WheelPolicy
{
    /// <summary>Everything from its sdist; a wheel only where a version has no sdist at all.</summary>
    Never,

    /// <summary>A pure wheel (<c>py3-none-any</c>, <c>py2.py3-none-any</c>) where the version has one, else the sdist. The default.</summary>
    Pure,

    /// <summary>The best wheel for each system, platform wheels included (patched with <c>autoPatchelfHook</c> on Linux); the sdist where none fits.</summary>
    All,
}
