using Req2Nix.Resolver;

namespace Req2Nix.Inputs.Requirements;

/// <summary>
/// A requirements file and everything it includes, read as pip 23.2.1 reads it: the entries in
/// pip's order, the warnings, and the files that were read.
/// </summary>
public sealed class RequirementsFile
{
    internal RequirementsFile(string path, RequirementsReadOptions options, IReadOnlyList<RequirementsEntry> entries, IReadOnlyList<RequirementsWarning> warnings, IReadOnlyList<string> filesRead)
    {
        Path = path;
        Options = options;
        Entries = entries;
        Warnings = warnings;
        FilesRead = filesRead;
    }

    /// <summary>The absolute path of the top-level file.</summary>
    public string Path { get; }

    public RequirementsReadOptions Options { get; }

    public IReadOnlyList<RequirementsEntry> Entries { get; }

    public IReadOnlyList<RequirementsWarning> Warnings { get; }

    /// <summary>The absolute paths of the files read, the top-level one first, each once.</summary>
    public IReadOnlyList<string> FilesRead { get; }

    /// <summary>
    /// Reads <paramref name="path"/> (relative to the working directory) and what it includes.
    /// Throws <see cref="RequirementsFileException"/> where pip rejects the file tree.
    /// </summary>
    public static RequirementsFile Read(string path, RequirementsReadOptions options) =>
        new RequirementsFileParser(options).Parse(path);

    /// <summary>
    /// The resolver's input: requirements, constraints, hash pins, direct sources and index settings.
    /// Throws <see cref="RequirementsFileException"/> at the line of a requirement pip could not build
    /// or one whose project name cannot be known.
    /// </summary>
    public Manifest ToManifest() => new RequirementsManifestBuilder(this).Build();
}
