using Req2Nix.Emit;
using Req2Nix.Inputs.Locks.Poetry;
using Req2Nix.Inputs.Locks.Pylock;
using Req2Nix.Inputs.Locks.Uv;
using Req2Nix.Inputs.Pyproject;
using Req2Nix.Inputs.Requirements;
using Req2Nix.Packaging.Hashing;
using Req2Nix.Packaging.Names;
using Req2Nix.Resolver;

namespace Req2Nix.Cli;

/// <summary>
/// Reads the inputs a run names, by kind (<see cref="InputKinds.Detect"/>): requirements files and
/// pyproject.toml files merge into one manifest, with <c>-c</c> files as constraints; a lock file
/// stands alone (with the pyproject.toml beside a poetry.lock, which says which packages are roots).
/// No network: a lock is converted here, a manifest is resolved later.
/// </summary>
public sealed class InputLoader
{
    private const string StdinName = "-";
    private readonly Settings _settings;
    private readonly CliContext _context;
    private readonly List<EmitInput> _files = [];
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly List<string> _warnings = [];

    public InputLoader(Settings settings, CliContext context)
    {
        _settings = settings;
        _context = context;
    }

    public LoadedInputs Load(ResolutionTarget target)
    {
        var kinds = new List<InputKind>(_settings.Inputs.Count);
        foreach (var input in _settings.Inputs)
        {
            kinds.Add(InputKinds.Detect(input));
        }
        var locks = kinds.Count(kind => kind.IsLock());
        if (locks > 0 && (_settings.Inputs.Count > 1 || _settings.Constraints.Count > 0))
        {
            throw new UsageException("a lock file is already resolved: give it alone, without other inputs or -c");
        }
        if (_settings.Inputs.Count(input => input == StdinName) > 1)
        {
            throw new UsageException("'-' (standard input) can be given once");
        }
        if (locks == 1)
        {
            var locked = ReadLock(_settings.Inputs[0], kinds[0], target);
            return new LoadedInputs(_files) { Locked = locked, Warnings = _warnings };
        }

        var manifests = new List<Manifest>();
        for (var i = 0; i < _settings.Inputs.Count; i++)
        {
            manifests.Add(kinds[i] == InputKind.Pyproject
                ? ReadPyproject(_settings.Inputs[i]).ToManifest(Selection())
                : ReadRequirements(_settings.Inputs[i]));
        }
        var constraints = new List<RootRequirement>();
        foreach (var path in _settings.Constraints)
        {
            var manifest = ReadRequirements(path);
            constraints.AddRange(manifest.Requirements);
            constraints.AddRange(manifest.Constraints);
        }
        return new LoadedInputs(_files) { Manifest = WithCommandLineIndex(Merge(manifests, constraints)), Warnings = _warnings };
    }

    private DependencySelection Selection() => new()
    {
        Groups = _settings.OnlyMain ? [] : _settings.Groups.Count > 0 ? _settings.Groups : null,
        Extras = [.. _settings.Extras.Select(ExtraName.Parse)],
        AllExtras = _settings.AllExtras,
    };

    private Resolution ReadLock(string path, InputKind kind, ResolutionTarget target)
    {
        var bytes = ReadBytes(path);
        return kind switch
        {
            InputKind.PoetryLock => PoetryResolutionBuilder.ToResolution(
                PoetryLockReader.Read(bytes, path), target, Selection(), ProjectBeside(path)),
            InputKind.UvLock => UvResolutionBuilder.ToResolution(UvLockReader.Read(bytes, path), target, Selection()),
            _ => PylockResolutionBuilder.ToResolution(PylockReader.Read(bytes, path), target, Selection()),
        };
    }

    /// <summary>The pyproject.toml beside a poetry.lock: its dependencies are the roots of the lock.</summary>
    private PyprojectToml? ProjectBeside(string lockPath)
    {
        var beside = Path.Combine(Path.GetDirectoryName(lockPath) ?? string.Empty, "pyproject.toml");
        return File.Exists(_context.ResolvePath(beside)) ? ReadPyproject(beside) : null;
    }

    private PyprojectToml ReadPyproject(string path) => PyprojectReader.Read(ReadBytes(path), path);

    private Manifest ReadRequirements(string path)
    {
        var stdinPath = Path.Combine(_context.WorkingDirectory, "<stdin>");
        var stdinBytes = path == StdinName ? ReadStdin() : null;
        var fileSystem = new RecordingFileSystem(
            (read, bytes) => AddFile(read == stdinPath ? StdinName : Path.GetRelativePath(_context.WorkingDirectory, read), bytes),
            stdinPath,
            stdinBytes);
        var options = new RequirementsReadOptions(_context.WorkingDirectory) { Environment = _context.Environment, FileSystem = fileSystem };
        var file = RequirementsFile.Read(path == StdinName ? stdinPath : path, options);
        foreach (var warning in file.Warnings)
        {
            _warnings.Add(warning.ToString());
        }
        return file.ToManifest();
    }

    private byte[] ReadStdin()
    {
        using var buffer = new MemoryStream();
        _context.Stdin.CopyTo(buffer);
        return buffer.ToArray();
    }

    private byte[] ReadBytes(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(_context.ResolvePath(path));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new InputReadException(path, exception is FileNotFoundException or DirectoryNotFoundException
                ? "no such file"
                : exception.Message);
        }
        AddFile(path, bytes);
        return bytes;
    }

    private void AddFile(string path, byte[] bytes)
    {
        if (_seen.Add(path))
        {
            _files.Add(new EmitInput(path, Sha256Digest.Compute(bytes)));
        }
    }

    private static Manifest Merge(List<Manifest> manifests, List<RootRequirement> constraints)
    {
        var first = manifests[0];
        if (manifests.Count == 1)
        {
            return first with { Constraints = [.. first.Constraints, .. constraints] };
        }
        var index = first.Index;
        var extraIndexes = new List<Uri>(index.ExtraIndexUrls);
        foreach (var manifest in manifests.Skip(1))
        {
            extraIndexes.AddRange(manifest.Index.ExtraIndexUrls.Where(url => !extraIndexes.Contains(url)));
            index = index with { AllowPreReleases = index.AllowPreReleases || manifest.Index.AllowPreReleases };
        }
        return new Manifest([.. manifests.SelectMany(manifest => manifest.Requirements)])
        {
            Constraints = [.. manifests.SelectMany(manifest => manifest.Constraints), .. constraints],
            Index = index with { ExtraIndexUrls = extraIndexes },
        };
    }

    /// <summary>
    /// The command line's index options over the files': an explicit <c>--index-url</c> wins over a
    /// file's, which wins over <c>PIP_INDEX_URL</c>; extra indexes add up; <c>--pre</c> adds.
    /// </summary>
    private Manifest WithCommandLineIndex(Manifest manifest)
    {
        var index = manifest.Index;
        var fileSetIndex = index.IndexUrl != IndexSettings.PyPISimpleUrl;
        var url = _settings.IndexUrl ?? (fileSetIndex ? null : _settings.IndexUrlFromEnvironment);
        if (url is not null)
        {
            index = index with { IndexUrl = ParseIndexUrl(url, "--index-url") };
        }
        var extras = new List<Uri>(index.ExtraIndexUrls);
        foreach (var extra in _settings.ExtraIndexUrls)
        {
            var parsed = ParseIndexUrl(extra, "--extra-index-url");
            if (!extras.Contains(parsed))
            {
                extras.Add(parsed);
            }
        }
        return manifest with
        {
            Index = index with { ExtraIndexUrls = extras, AllowPreReleases = index.AllowPreReleases || _settings.Pre },
        };
    }

    public static Uri ParseIndexUrl(string text, string option) =>
        Uri.TryCreate(text.EndsWith('/') ? text : text + "/", UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
            ? url
            : throw new UsageException($"{option} {Req2Nix.PyPI.Credentials.UrlRedactor.Redact(text)}: not an http(s) URL");
}
