using Req2Nix.Resolver;

namespace Req2Nix.Inputs.Requirements;

/// <summary>
/// pip 23.2.1's <c>RequirementsFileParser</c>: reads a file, turns each logical line into an entry
/// and follows <c>-r</c>/<c>-c</c> depth first (a file included twice is read twice). Unlike pip it
/// stops an include cycle with the chain of files, reads no URLs, and reports every problem at its
/// line and column.
/// </summary>
internal sealed class RequirementsFileParser
{
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> EmptySettings = new Dictionary<string, IReadOnlyList<string>>();

    private readonly RequirementsReadOptions _options;
    private readonly PipRequirementReader _requirements;
    private readonly List<RequirementsEntry> _entries = [];
    private readonly List<RequirementsWarning> _warnings = [];
    private readonly List<string> _filesRead = [];
    private readonly HashSet<string> _filesSeen = new(StringComparer.Ordinal);
    private readonly List<string> _includeChain = [];
    private readonly List<ShellWord> _words = [];
    private readonly LineOptions _lineOptions = new();
    private int _filesOpened;

    public RequirementsFileParser(RequirementsReadOptions options)
    {
        _options = options;
        _requirements = new PipRequirementReader(options.WorkingDirectory, options.FileSystem);
    }

    public RequirementsFile Parse(string path)
    {
        var absolute = PosixPath.Absolute(path, _options.WorkingDirectory);
        ParseFile(absolute, constraint: false, includedAt: null, path);
        return new RequirementsFile(absolute, _options, _entries, _warnings, _filesRead);
    }

    /// <param name="asWritten">The path as the user wrote it, for messages.</param>
    private void ParseFile(string path, bool constraint, SourceLocation? includedAt, string asWritten)
    {
        var display = Display(path);
        if (++_filesOpened > _options.MaxFilesRead)
        {
            throw new RequirementsFileException(
                includedAt ?? new SourceLocation(display, 0),
                $"the include tree opens more than {_options.MaxFilesRead} files");
        }
        if (!_options.FileSystem.TryReadAllBytes(path, out var bytes, out var readProblem))
        {
            throw new RequirementsFileException(
                includedAt ?? new SourceLocation(display, 0),
                $"could not open requirements file {asWritten}: {readProblem}");
        }
        if (_filesSeen.Add(path))
        {
            _filesRead.Add(path);
        }
        var text = RequirementsTextDecoder.Decode(bytes, display);
        _includeChain.Add(path);
        try
        {
            var reader = new LogicalLineReader(text.Memory, _options.Environment);
            while (reader.TryRead(out var line))
            {
                ParseLine(path, display, line, constraint);
            }
        }
        finally
        {
            text.Return();
        }
        _includeChain.RemoveAt(_includeChain.Count - 1);
    }

    private void ParseLine(string path, string display, LogicalLine line, bool constraint)
    {
        var (arguments, optionsStart) = BreakArgumentsAndOptions(line.Text);
        var options = _lineOptions;
        options.Reset();
        if (optionsStart < line.Text.Length)
        {
            ShellWords.Split(line.Text, optionsStart, _words, out var splitProblem);
            if (splitProblem is not null)
            {
                throw Error(display, line, splitProblem.Offset, $"could not split the options: {splitProblem.Reason}");
            }
            if (!LineOptionParser.TryParse(_words, options, out var problem))
            {
                throw Error(display, line, problem!.Offset, problem.Reason);
            }
        }
        IReadOnlyList<FormatControlChange> formats = options.FormatControl is { } changes ? changes : [];
        if (arguments.Length > 0)
        {
            WarnIgnored(display, line, options, "a requirement line", LineOption.Hashes, LineOption.GlobalOptions, LineOption.ConfigSettings, LineOption.NoBinary, LineOption.OnlyBinary);
            _entries.Add(ReadRequirement(path, display, line, constraint, arguments, options, formats));
        }
        else if (options.Editables is { } editables)
        {
            if (editables.Count > 1)
            {
                Warn(display, line, editables[1].Offset, "only the first -e of a line counts; pip ignores the others");
            }
            WarnIgnored(display, line, options, "an editable requirement line", LineOption.Editables, LineOption.NoBinary, LineOption.OnlyBinary);
            _entries.Add(ReadEditable(path, display, line, constraint, editables[0], formats));
        }
        else if (options.Requirements is not null || options.Constraints is not null)
        {
            Include(path, display, line, constraint, options, formats);
        }
        else
        {
            _entries.Add(ReadOptions(path, display, line, constraint, options, formats));
        }
    }

    private RequirementEntry ReadRequirement(string path, string display, LogicalLine line, bool constraint, string arguments, LineOptions options, IReadOnlyList<FormatControlChange> formats)
    {
        var location = LocateEntry(display, line, 0);
        var warnings = new List<LineProblem>();
        RequirementForm? form = null;
        RequirementProblem? failure = null;
        if (!_requirements.TryRead(arguments, warnings, out form, out var problem))
        {
            failure = new RequirementProblem(Locate(display, line, problem!.Offset), problem.Reason);
        }
        foreach (var warning in warnings)
        {
            Warn(display, line, warning.Offset, warning.Reason);
        }
        var hashes = new HashPin[options.Hashes?.Count ?? 0];
        var hashOffsets = new int[hashes.Length];
        for (var i = 0; i < hashes.Length; i++)
        {
            var (algorithm, digest, offset) = options.Hashes![i];
            hashes[i] = new HashPin(algorithm, digest);
            hashOffsets[i] = offset;
        }
        var settings = EmptySettings;
        if (options.ConfigSettings is { } pairs)
        {
            var collected = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            foreach (var (key, value) in pairs)
            {
                collected[key] = collected.TryGetValue(key, out var values) ? [.. values, value] : [value];
            }
            settings = collected;
        }
        return new RequirementEntry(path, location, constraint, arguments, editable: false)
        {
            Requirement = form?.Requirement,
            Extras = form?.Extras ?? [],
            Marker = form?.Marker,
            Url = form?.Url,
            LocalPath = RelativeToWorkingDirectory(form?.LocalPath),
            AbsoluteLocalPath = form?.LocalPath,
            Hashes = hashes,
            HashLocations = new HashLocator(display, line, hashOffsets),
            ConfigSettings = settings,
            GlobalOptions = options.GlobalOptions?.Select(value => value.Text).ToArray() ?? [],
            Problem = failure,
            FormatControlChanges = formats,
        };
    }

    private RequirementEntry ReadEditable(string path, string display, LogicalLine line, bool constraint, OptionValue value, IReadOnlyList<FormatControlChange> formats)
    {
        var valueOffset = ValueOffset(line.Text, value);
        RequirementProblem? failure = null;
        if (!_requirements.TryReadEditable(value.Text, out var form, out var problem))
        {
            failure = new RequirementProblem(Locate(display, line, valueOffset + problem!.Offset), problem.Reason);
            form = null;
        }
        return new RequirementEntry(path, LocateEntry(display, line, valueOffset), constraint, value.Text, editable: true)
        {
            Requirement = form?.Requirement,
            Extras = form?.Extras ?? [],
            Url = form?.Url,
            LocalPath = RelativeToWorkingDirectory(form?.LocalPath),
            AbsoluteLocalPath = form?.LocalPath,
            Problem = failure,
            FormatControlChanges = formats,
        };
    }

    private OptionEntry ReadOptions(string path, string display, LogicalLine line, bool constraint, LineOptions options, IReadOnlyList<FormatControlChange> formats)
    {
        if (options.Hashes is { Count: > 0 } hashes)
        {
            Warn(display, line, hashes[0].Offset, "--hash without a requirement on the line is ignored");
        }
        WarnIgnored(display, line, options, "a line without a requirement", LineOption.IndexUrl, LineOption.ExtraIndexUrls, LineOption.NoIndex,
            LineOption.FindLinks, LineOption.NoBinary, LineOption.OnlyBinary, LineOption.PreferBinary, LineOption.RequireHashes, LineOption.Pre,
            LineOption.TrustedHosts, LineOption.FeaturesEnabled, LineOption.Hashes);
        if (options.FindLinks is { Count: > 1 } findLinks)
        {
            Warn(display, line, findLinks[1].Offset, "only the first --find-links of a line counts; pip ignores the others");
        }
        var first = options.Written.Count > 0 ? options.Written[0].Offset : 0;
        return new OptionEntry(path, LocateEntry(display, line, first), constraint)
        {
            IndexUrl = options.IndexUrl?.Text,
            ExtraIndexUrls = Texts(options.ExtraIndexUrls),
            FindLinks = Texts(options.FindLinks),
            TrustedHosts = Texts(options.TrustedHosts),
            FeaturesEnabled = Texts(options.FeaturesEnabled),
            NoIndex = options.NoIndex,
            Pre = options.Pre,
            PreferBinary = options.PreferBinary,
            RequireHashes = options.RequireHashes,
            FormatControlChanges = formats,
        };
    }

    private void Include(string path, string display, LogicalLine line, bool constraint, LineOptions options, IReadOnlyList<FormatControlChange> formats)
    {
        var (kind, target) = options.Requirements is { } requirements
            ? (IncludeKind.Requirements, requirements[0])
            : (IncludeKind.Constraints, options.Constraints![0]);
        var targetOffset = ValueOffset(line.Text, target);
        var location = LocateEntry(display, line, targetOffset);
        WarnIgnored(display, line, options, "an include line", LineOption.Requirements, LineOption.Constraints, LineOption.NoBinary, LineOption.OnlyBinary);
        if ((options.Requirements?.Count ?? 0) + (options.Constraints?.Count ?? 0) > 1)
        {
            Warn(display, line, targetOffset, "only the first -r or -c of a line counts; pip ignores the others");
        }
        var targetPath = ResolveInclude(target.Text, path, location);
        _entries.Add(new IncludeEntry(path, location, constraint, kind, target.Text, targetPath) { FormatControlChanges = formats });
        var cycle = _includeChain.IndexOf(targetPath);
        if (cycle >= 0)
        {
            var chain = _includeChain.Skip(cycle).Append(targetPath).Select(Display);
            throw new RequirementsFileException(location, $"include cycle: {string.Join(" -> ", chain)}");
        }
        ParseFile(targetPath, kind == IncludeKind.Constraints, location, target.Text);
    }

    /// <summary>pip joins a relative include to the including file's directory; a <c>file:</c> URL names a local file; other URLs are not fetched.</summary>
    private static string ResolveInclude(string target, string includingFile, SourceLocation location)
    {
        var scheme = PythonUrl.PipScheme(target);
        if (scheme is "http" or "https")
        {
            throw new RequirementsFileException(location, $"req2nix does not fetch requirements files over the network ({target}); download it and include the local copy");
        }
        if (scheme is "file")
        {
            if (!PythonUrl.TrySplit(target, out var parts) || (parts.Netloc.Length > 0 && parts.Netloc != "localhost"))
            {
                throw new RequirementsFileException(location, $"'{target}' is not a local file URL");
            }
            return PosixPath.Normalize(PythonUrl.Unquote(parts.Path));
        }
        return PosixPath.Normalize(PosixPath.Join(PosixPath.Directory(includingFile), target));
    }

    /// <summary>pip's <c>break_args_options</c>: words (split on single spaces) before the first one starting with <c>-</c> are the requirement; the rest are options.</summary>
    private static (string Arguments, int OptionsStart) BreakArgumentsAndOptions(string line)
    {
        var wordStart = 0;
        while (wordStart < line.Length)
        {
            if (line[wordStart] == '-')
            {
                return (wordStart == 0 ? string.Empty : line[..(wordStart - 1)], wordStart);
            }
            var space = line.IndexOf(' ', wordStart);
            if (space < 0)
            {
                break;
            }
            wordStart = space + 1;
        }
        return (line, line.Length);
    }

    private void WarnIgnored(string display, LogicalLine line, LineOptions options, string where, params LineOption[] honoured)
    {
        foreach (var (option, offset) in options.Written)
        {
            if (Array.IndexOf(honoured, option) < 0)
            {
                var spec = LineOptionSpec.All.First(candidate => candidate.Option == option);
                Warn(display, line, offset, $"{spec.LongName} has no effect on {where}; pip ignores it");
            }
        }
        foreach (var leftover in options.Leftovers ?? [])
        {
            Warn(display, line, leftover.Offset, $"'{leftover.Text}' is neither an option nor an option's value; pip ignores it");
        }
    }

    /// <summary>Where an option's value starts: right after <c>=</c> or the short option's letter, else the next word.</summary>
    private static int ValueOffset(string text, OptionValue value)
    {
        var found = text.IndexOf(value.Text, value.Offset, StringComparison.Ordinal);
        return found >= 0 ? found : value.Offset;
    }

    private string? RelativeToWorkingDirectory(string? absolute) =>
        absolute is null ? null : PosixPath.Relative(absolute, _options.WorkingDirectory);

    /// <summary>The file as users see it: relative to the working directory when inside it, else absolute.</summary>
    private string Display(string path)
    {
        var relative = PosixPath.Relative(path, _options.WorkingDirectory);
        return relative == ".." || relative.StartsWith("../", StringComparison.Ordinal) ? path : relative;
    }

    private static string[] Texts(List<OptionValue>? values) =>
        values is null ? [] : values.Select(value => value.Text).ToArray();

    private static SourceLocation Locate(string display, LogicalLine line, int offset)
    {
        var (number, column) = line.PositionOf(offset);
        return new SourceLocation(display, number, column);
    }

    /// <summary>An entry's place: pip's line number (the first physical line) and the column there, or 1 when the offset is on a later line.</summary>
    private static SourceLocation LocateEntry(string display, LogicalLine line, int offset)
    {
        var (number, column) = line.PositionOf(offset);
        return new SourceLocation(display, line.Number, number == line.Number ? column : 1);
    }

    private void Warn(string display, LogicalLine line, int offset, string message) =>
        _warnings.Add(new RequirementsWarning(Locate(display, line, offset), message));

    private static RequirementsFileException Error(string display, LogicalLine line, int offset, string reason) =>
        new(Locate(display, line, offset), reason);
}
