using Req2Nix.Packaging.Pep508;

namespace Req2Nix.Inputs.Requirements;

/// <summary>
/// pip 23.2.1's <c>install_req_from_line</c> and <c>install_req_from_editable</c>: how the text of a
/// requirement line becomes a requirement, a URL or a local path. Like pip, it asks the file system
/// whether a path-looking text is a directory (then it must hold <c>setup.py</c> or
/// <c>pyproject.toml</c>) or an existing archive; paths are relative to the working directory.
/// Problems carry the offset in the text they concern.
/// </summary>
internal sealed class PipRequirementReader
{
    private static readonly string[] ArchiveExtensions =
        [".zip", ".whl", ".tar.bz2", ".tbz", ".tar.gz", ".tgz", ".tar", ".tar.xz", ".txz", ".tlz", ".tar.lz", ".tar.lzma"];

    private static readonly string[] VcsNames = ["bzr", "git", "hg", "svn"];

    private readonly string _workingDirectory;
    private readonly IRequirementsFileSystem _fileSystem;

    public PipRequirementReader(string workingDirectory, IRequirementsFileSystem fileSystem)
    {
        _workingDirectory = workingDirectory;
        _fileSystem = fileSystem;
    }

    /// <summary>A non-editable requirement line's text (pip's <c>parse_req_from_line</c>).</summary>
    public bool TryRead(string text, List<LineProblem> warnings, out RequirementForm form, out LineProblem? problem)
    {
        form = null!;
        var marker = (Marker?)null;
        var name = text;
        var separator = PipLink.LooksLikeUrl(text) ? "; " : ";";
        var markerAt = text.IndexOf(separator, StringComparison.Ordinal);
        if (markerAt >= 0)
        {
            name = text[..markerAt];
            var markerStart = markerAt + separator.Length;
            if (!TryReadMarker(text, markerStart, out marker, out problem))
            {
                return false;
            }
        }
        var nameStart = Packaging.Pep440.PythonWhitespace.SkipLeading(name);
        name = name[nameStart..Packaging.Pep440.PythonWhitespace.TrimTrailing(name, nameStart)];

        PipLink? link = null;
        string? localPath = null;
        string? extrasText = null;
        if (PipLink.LooksLikeUrl(name))
        {
            if (!PipLink.TryCreate(name, out link))
            {
                problem = new LineProblem(nameStart, $"'{name}' is not a valid URL (unbalanced '[' or ']' in its host)");
                return false;
            }
        }
        else if (LooksLikePath(name) || name.EndsWith(']') || IsArchive(name))
        {
            // Only these can name a directory, an archive or extras after a path; for the rest pip's
            // look at the file system finds nothing.
            (var path, extrasText) = StripExtras(PosixPath.Absolute(name, _workingDirectory));
            if (!TryFindLocalPath(path, name, nameStart, warnings, out localPath, out problem))
            {
                return false;
            }
        }

        string? requirementText;
        var requirementOffset = nameStart;
        var linkName = localPath is not null ? PosixPath.FileName(localPath) : link?.FileName;
        var isWheel = localPath is not null ? PosixPath.Extension(localPath) == ".whl" : link?.IsWheel == true;
        if (linkName is not null && isWheel)
        {
            if (!PipWheelName.TryRead(linkName, out var wheelName, out var wheelVersion))
            {
                problem = new LineProblem(nameStart, $"'{linkName}' is not a valid wheel file name");
                return false;
            }
            requirementText = $"{wheelName}=={wheelVersion}";
        }
        else if (link is not null)
        {
            requirementText = link.EggFragment;
            requirementOffset = nameStart + Math.Max(0, name.IndexOf("egg=", StringComparison.Ordinal) + 4);
        }
        else
        {
            requirementText = localPath is null ? name : null;
        }

        IReadOnlyList<string>? pathExtras = null;
        // The extras as written: those of the normalized path differ only where normalizing changed them.
        if (extrasText is not null && !TryConvertExtras(StripExtras(name).Extras ?? extrasText, nameStart, out pathExtras, out problem))
        {
            return false;
        }
        Requirement? requirement = null;
        if (requirementText is not null && !TryParseRequirement(requirementText, requirementOffset, out requirement, out problem))
        {
            return false;
        }
        form = new RequirementForm
        {
            Requirement = requirement,
            Extras = pathExtras is { Count: > 0 } ? pathExtras : SafeExtras(requirement),
            Marker = marker ?? requirement?.Marker,
            Url = link?.Url ?? requirement?.Url,
            LocalPath = localPath,
        };
        problem = null;
        return true;
    }

    /// <summary>An editable requirement (pip's <c>parse_editable</c>): a local project directory or a VCS URL with <c>#egg=</c>.</summary>
    public bool TryReadEditable(string text, out RequirementForm form, out LineProblem? problem)
    {
        form = null!;
        var (withoutExtras, extrasText) = StripExtras(text);
        IReadOnlyList<string> extras = [];
        string? url = null;
        string? localPath = null;
        string? name;
        var directory = PosixPath.Absolute(withoutExtras, _workingDirectory);
        var isDirectory = _fileSystem.DirectoryExists(directory);
        if (isDirectory || withoutExtras.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            if (isDirectory)
            {
                localPath = directory;
                name = null;
            }
            else
            {
                if (!PipLink.TryCreate(withoutExtras, out var fileLink))
                {
                    problem = new LineProblem(0, $"'{withoutExtras}' is not a valid URL");
                    return false;
                }
                url = withoutExtras;
                name = fileLink.EggFragment;
            }
            if (extrasText is not null && !TryConvertExtras(extrasText, 0, out extras, out problem))
            {
                return false;
            }
        }
        else
        {
            url = text;
            foreach (var vcs in VcsNames)
            {
                if (text.StartsWith(vcs + ":", StringComparison.OrdinalIgnoreCase))
                {
                    url = vcs + "+" + text;
                    break;
                }
            }
            if (!PipLink.TryCreate(url, out var link) || !link.IsVcs)
            {
                problem = new LineProblem(0, $"'{text}' is not a valid editable requirement: it is neither a local project directory nor a VCS URL (git+…, hg+…, svn+…, bzr+…)");
                return false;
            }
            name = link.EggFragment;
            if (string.IsNullOrEmpty(name))
            {
                problem = new LineProblem(0, $"cannot tell the project name of '{text}': add #egg=<name> to the URL");
                return false;
            }
        }

        Requirement? requirement = null;
        if (name is not null && !TryParseRequirement(name, Math.Max(0, text.IndexOf("egg=", StringComparison.Ordinal) + 4), out requirement, out problem))
        {
            return false;
        }
        form = new RequirementForm
        {
            Requirement = requirement,
            Extras = extras.Count > 0 ? extras : SafeExtras(requirement),
            Url = url,
            LocalPath = localPath,
        };
        problem = null;
        return true;
    }

    /// <summary>pip's <c>_get_url_from_path</c>: a directory that looks like a path, or an archive file name.</summary>
    private bool TryFindLocalPath(string path, string name, int nameStart, List<LineProblem> warnings, out string? localPath, out LineProblem? problem)
    {
        localPath = null;
        problem = null;
        if (LooksLikePath(name) && _fileSystem.DirectoryExists(path))
        {
            if (!_fileSystem.FileExists(PosixPath.Join(path, "pyproject.toml")) && !_fileSystem.FileExists(PosixPath.Join(path, "setup.py")))
            {
                problem = new LineProblem(nameStart, $"directory '{name}' is not installable: it has neither setup.py nor pyproject.toml");
                return false;
            }
            localPath = path;
            return true;
        }
        if (!IsArchive(path))
        {
            return true;
        }
        if (_fileSystem.FileExists(path))
        {
            localPath = path;
            return true;
        }
        var at = name.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0 && !LooksLikePath(name[..at]))
        {
            return true;
        }
        warnings.Add(new LineProblem(nameStart, $"'{name}' looks like a file name, but the file does not exist"));
        localPath = path;
        return true;
    }

    private static bool TryReadMarker(string text, int start, out Marker? marker, out LineProblem? problem)
    {
        marker = null;
        problem = null;
        var from = Packaging.Pep440.PythonWhitespace.SkipLeading(text, start);
        var to = Packaging.Pep440.PythonWhitespace.TrimTrailing(text, from);
        if (to == from)
        {
            return true;
        }
        if (!Marker.TryParse(text[from..to], out marker, out var error))
        {
            problem = new LineProblem(from + error.Column, $"invalid marker: {error.Message}");
            return false;
        }
        return true;
    }

    private static bool TryParseRequirement(string text, int offset, out Requirement? requirement, out LineProblem? problem)
    {
        problem = null;
        if (!Requirement.TryParse(text, out requirement, out var error))
        {
            if (Packaging21Differences.LegacyClauses(text) is { } legacy)
            {
                problem = new LineProblem(offset + error.Column, $"invalid requirement '{text}': {legacy}");
                return false;
            }
            var hint = text.Contains('/', StringComparison.Ordinal) ? " (it looks like a path, but no such file or directory exists)" : string.Empty;
            problem = new LineProblem(offset + error.Column, $"invalid requirement '{text}': {error.Message}{hint}");
            return false;
        }
        if (Packaging21Differences.Rejection(text, requirement) is { } rejected)
        {
            problem = new LineProblem(offset, $"invalid requirement '{text}': {rejected}");
            requirement = null;
            return false;
        }
        if (requirement.Url is { } url && Pep508UrlCheck.Problem(url) is { } invalid)
        {
            problem = new LineProblem(offset + Math.Max(0, text.IndexOf(url, StringComparison.Ordinal)), invalid);
            requirement = null;
            return false;
        }
        return true;
    }

    /// <summary>pip's <c>convert_extras</c>: <c>[a,B]</c> after a path, lower-cased and parsed as a requirement's extras.</summary>
    private static bool TryConvertExtras(string extrasText, int offset, out IReadOnlyList<string> extras, out LineProblem? problem)
    {
        problem = null;
        if (!Requirement.TryParse("placeholder" + extrasText.ToLowerInvariant(), out var parsed, out var error))
        {
            extras = [];
            problem = new LineProblem(offset, $"invalid extras '{extrasText}': {error.Message}");
            return false;
        }
        extras = parsed.ExtrasAsWritten;
        return true;
    }

    /// <summary>pip's <c>safe_extra</c> of each extra: runs of characters other than ASCII letters, digits, <c>.</c> and <c>-</c> become <c>_</c>, then lower case.</summary>
    private static IReadOnlyList<string> SafeExtras(Requirement? requirement)
    {
        if (requirement is null || requirement.ExtrasAsWritten.Count == 0)
        {
            return [];
        }
        var extras = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var extra in requirement.ExtrasAsWritten)
        {
            var builder = new System.Text.StringBuilder(extra.Length);
            var inRun = false;
            foreach (var c in extra)
            {
                if (char.IsAsciiLetterOrDigit(c) || c is '.' or '-')
                {
                    builder.Append(char.ToLowerInvariant(c));
                    inRun = false;
                }
                else if (!inRun)
                {
                    builder.Append('_');
                    inRun = true;
                }
            }
            extras.Add(builder.ToString());
        }
        return [.. extras];
    }

    /// <summary>pip's <c>_strip_extras</c>: a trailing <c>[...]</c> (no <c>]</c> inside, something before it) split off.</summary>
    private static (string Path, string? Extras) StripExtras(string path)
    {
        if (path.Length < 3 || path[^1] != ']')
        {
            return (path, null);
        }
        var previousClose = path.LastIndexOf(']', path.Length - 2);
        for (var open = path.Length - 3; open > previousClose && open >= 1; open--)
        {
            if (path[open] == '[')
            {
                return (path[..open], path[open..]);
            }
        }
        return (path, null);
    }

    /// <summary>pip's <c>_looks_like_path</c> on Linux: a <c>/</c> in it, or a leading <c>.</c>.</summary>
    private static bool LooksLikePath(string name) => name.Contains('/', StringComparison.Ordinal) || name.StartsWith('.');

    /// <summary>pip's <c>is_archive_file</c>: the extension (with <c>.tar</c> kept before a compression one) is an archive's, in any case.</summary>
    private static bool IsArchive(string path)
    {
        foreach (var extension in ArchiveExtensions)
        {
            // Cheap test first: most requirements end in a version, not an archive extension.
            if (path.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
            {
                return IsListed(PosixPath.Extension(path));
            }
        }
        return false;
    }

    private static bool IsListed(string extension)
    {
        foreach (var candidate in ArchiveExtensions)
        {
            if (candidate.Equals(extension, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }
}
