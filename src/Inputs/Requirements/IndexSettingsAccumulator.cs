using Req2Nix.Resolver;

namespace Req2Nix.Inputs.Requirements;

/// <summary>
/// pip's <c>handle_option_line</c> with a package finder, over the option lines in order:
/// <c>--no-index</c> drops every index for good; <c>-i</c> replaces the list of indexes (extra ones
/// given before it included); <c>--extra-index-url</c> appends; the first <c>-f</c> of a line is
/// taken relative to the requirements file when that path exists. Index URLs keep their credentials,
/// which the index client needs.
/// </summary>
internal sealed class IndexSettingsAccumulator
{
    private readonly RequirementsReadOptions _options;
    private readonly List<(string Url, SourceLocation Location)> _indexUrls = [(IndexSettings.PyPISimpleUrl.ToString(), default)];
    private readonly List<string> _findLinks = [];
    private readonly List<string> _trustedHosts = [];
    private bool _noIndex;
    private bool _pre;
    private bool _preferBinary;

    public IndexSettingsAccumulator(RequirementsReadOptions options)
    {
        _options = options;
    }

    public void Apply(OptionEntry line)
    {
        if (line.NoIndex)
        {
            _noIndex = true;
            _indexUrls.Clear();
        }
        if (line.IndexUrl is { } indexUrl && !_noIndex)
        {
            _indexUrls.Clear();
            _indexUrls.Add((indexUrl, line.Location));
        }
        if (!_noIndex)
        {
            foreach (var extra in line.ExtraIndexUrls)
            {
                _indexUrls.Add((extra, line.Location));
            }
        }
        if (line.FindLinks.Count > 0)
        {
            var value = line.FindLinks[0];
            var besideFile = PosixPath.Absolute(value, PosixPath.Directory(line.FilePath));
            _findLinks.Add(_options.FileSystem.DirectoryExists(besideFile) || _options.FileSystem.FileExists(besideFile) ? besideFile : value);
        }
        _trustedHosts.AddRange(line.TrustedHosts);
        _pre |= line.Pre;
        _preferBinary |= line.PreferBinary;
    }

    public IndexSettings Build(FormatControl formats)
    {
        var urls = new List<Uri>(_indexUrls.Count);
        foreach (var (url, location) in _indexUrls)
        {
            urls.Add(ToUri(url, location));
        }
        return new IndexSettings
        {
            IndexUrl = urls.Count > 0 ? urls[0] : IndexSettings.PyPISimpleUrl,
            ExtraIndexUrls = urls.Skip(1).ToArray(),
            NoIndex = _noIndex,
            FindLinks = [.. _findLinks],
            TrustedHosts = [.. _trustedHosts],
            AllowPreReleases = _pre,
            PreferBinary = _preferBinary,
            Formats = formats,
        };
    }

    /// <summary>An absolute http(s) or file URL; a path (pip allows a local index directory) becomes a file URL.</summary>
    private Uri ToUri(string text, SourceLocation location)
    {
        if (PythonUrl.PipScheme(text) is { } scheme && scheme.Length > 1)
        {
            if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "file")
            {
                return uri;
            }
            throw new RequirementsFileException(location, $"'{text}' is not a usable index URL: req2nix reads indexes over http, https or from a local directory");
        }
        return new Uri(PosixPath.Absolute(text, _options.WorkingDirectory));
    }
}
