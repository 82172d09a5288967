namespace Req2Nix.Cli;

/// <summary>What kind of dependency file an input is, told by its name as the tools that write them name them.</summary>
public enum InputKind
{
    RequirementsFile,
    PoetryLock,
    UvLock,
    PyLock,
    Pyproject,
}

public static class InputKinds
{
    /// <summary>The files <c>init</c> looks for when given none, in this order: locks first (no network needed).</summary>
    public static IReadOnlyList<string> InitCandidates { get; } =
        ["poetry.lock", "uv.lock", "pylock.toml", "requirements.txt", "pyproject.toml"];

    public static InputKind Detect(string path)
    {
        if (path == "-")
        {
            return InputKind.RequirementsFile;
        }
        var name = Path.GetFileName(path);
        return name switch
        {
            "poetry.lock" => InputKind.PoetryLock,
            "uv.lock" => InputKind.UvLock,
            "pyproject.toml" => InputKind.Pyproject,
            // PEP 751: pylock.toml or pylock.<name>.toml
            _ when name.StartsWith("pylock.", StringComparison.Ordinal) && name.EndsWith(".toml", StringComparison.Ordinal) => InputKind.PyLock,
            _ => InputKind.RequirementsFile,
        };
    }

    public static bool IsLock(this InputKind kind) => kind is InputKind.PoetryLock or InputKind.UvLock or InputKind.PyLock;
}
