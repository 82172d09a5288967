using Req2Nix.Packaging.Names;
using Req2Nix.Packaging.Pep440;
using Req2Nix.Resolver.Index;

namespace Req2Nix.PyPI.Metadata;

/// <summary>
/// The headers of a core metadata file (a wheel's METADATA, an sdist's PKG-INFO, a PEP 658
/// <c>.metadata</c> file) that resolution uses, as written. RFC 822 style as Python's
/// <c>email</c> parser reads it: <c>Name: value</c>, continuation lines starting with a space or a
/// tab, headers ending at the first blank line (or the first line that is no header); header names
/// compared case-insensitively.
/// </summary>
public sealed class CoreMetadataFile
{
    private static readonly Pep440Version Metadata22 = Pep440Version.Parse("2.2");

    private readonly List<MetadataField> _requiresDist = [];
    private readonly List<MetadataField> _providesExtra = [];
    private readonly List<MetadataField> _dynamic = [];

    private CoreMetadataFile()
    {
    }

    public MetadataField? MetadataVersion { get; private set; }

    public MetadataField? Name { get; private set; }

    public MetadataField? Version { get; private set; }

    public MetadataField? RequiresPython { get; private set; }

    public IReadOnlyList<MetadataField> RequiresDist => _requiresDist;

    public IReadOnlyList<MetadataField> ProvidesExtra => _providesExtra;

    /// <summary>Metadata 2.2's <c>Dynamic</c>: fields an sdist's build may still change.</summary>
    public IReadOnlyList<MetadataField> Dynamic => _dynamic;

    /// <summary>True when the file's Requires-Dist is authoritative even if empty: Metadata-Version 2.2 or later without <c>Dynamic: Requires-Dist</c>.</summary>
    public bool RequiresDistIsFinal
    {
        get
        {
            if (MetadataVersion is not { } declared || !Pep440Version.TryParse(declared.Value, out var version) || version < Metadata22)
            {
                return false;
            }
            foreach (var dynamic in _dynamic)
            {
                if (dynamic.Value.Equals("Requires-Dist", StringComparison.OrdinalIgnoreCase))
                {
                    return false;
                }
            }
            return true;
        }
    }

    /// <summary>Reads the headers of <paramref name="text"/>; never throws (problems surface in <see cref="ToCoreMetadata"/>).</summary>
    public static CoreMetadataFile Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var file = new CoreMetadataFile();
        var reader = new HeaderReader(text);
        while (reader.Next(out var name, out var field))
        {
            file.Add(name, field);
        }
        return file;
    }

    /// <summary>
    /// The resolver's view: Name and Version are required (Version PEP 440), invalid Requires-Dist
    /// lines are kept apart in <see cref="CoreMetadata.InvalidRequiresDist"/>, extras that are no
    /// valid names are dropped. Throws <see cref="CoreMetadataException"/> otherwise.
    /// </summary>
    public CoreMetadata ToCoreMetadata(IEnumerable<string>? extraRequiresDist = null, IEnumerable<string>? extraProvidesExtra = null)
    {
        var name = Name is { } n && n.Value.Length > 0 ? n : throw new CoreMetadataException("no Name header", 1, 1);
        var versionField = Version is { } v && v.Value.Length > 0 ? v : throw new CoreMetadataException("no Version header", 1, 1);
        if (!Pep440Version.TryParse(versionField.Value, out var version))
        {
            throw new CoreMetadataException($"Version '{versionField.Value}' is not a PEP 440 version", versionField.Line, versionField.Column);
        }
        if (!PackageName.IsValid(name.Value))
        {
            throw new CoreMetadataException($"Name '{name.Value}' is not a valid project name", name.Line, name.Column);
        }
        return CoreMetadataFactory.Create(
            name.Value,
            version,
            ValuesOf(_requiresDist, extraRequiresDist),
            RequiresPython?.Value,
            ValuesOf(_providesExtra, extraProvidesExtra));
    }

    /// <summary>The fields' values, then the extra ones.</summary>
    private static List<string> ValuesOf(List<MetadataField> fields, IEnumerable<string>? extra)
    {
        var values = new List<string>(fields.Count);
        foreach (var field in fields)
        {
            values.Add(field.Value);
        }
        if (extra is not null)
        {
            values.AddRange(extra);
        }
        return values;
    }

    private void Add(string name, MetadataField field)
    {
        if (name.Equals("Metadata-Version", StringComparison.OrdinalIgnoreCase))
        {
            MetadataVersion ??= field;
        }
        else if (name.Equals("Name", StringComparison.OrdinalIgnoreCase))
        {
            Name ??= field;
        }
        else if (name.Equals("Version", StringComparison.OrdinalIgnoreCase))
        {
            Version ??= field;
        }
        else if (name.Equals("Requires-Python", StringComparison.OrdinalIgnoreCase))
        {
            RequiresPython ??= field;
        }
        else if (name.Equals("Requires-Dist", StringComparison.OrdinalIgnoreCase))
        {
            _requiresDist.Add(field);
        }
        else if (name.Equals("Provides-Extra", StringComparison.OrdinalIgnoreCase))
        {
            _providesExtra.Add(field);
        }
        else if (name.Equals("Dynamic", StringComparison.OrdinalIgnoreCase))
        {
            _dynamic.Add(field);
        }
    }

    /// <summary>Walks the header block line by line.</summary>
    private struct HeaderReader(string text)
    {
        private int _position = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        private int _line;
        private bool _done;

        public bool Next(out string name, out MetadataField field)
        {
            name = string.Empty;
            field = default;
            while (!_done && ReadLine(out var line, out var lineNumber))
            {
                if (line.IsEmpty || line[0] is ' ' or '\t')
                {
                    // A blank line ends the headers; a stray continuation line before any header is ignored, as email does.
                    _done = line.IsEmpty;
                    continue;
                }
                var colon = line.IndexOf(':');
                if (colon <= 0 || line[..colon].ContainsAny(' ', '\t'))
                {
                    _done = true;
                    return false;
                }
                name = line[..colon].ToString();
                var valueStart = colon + 1;
                while (valueStart < line.Length && line[valueStart] is ' ' or '\t')
                {
                    valueStart++;
                }
                var value = line[valueStart..].TrimEnd().ToString();
                value = AppendContinuations(value);
                field = new MetadataField(value, lineNumber, valueStart + 1);
                return true;
            }
            return false;
        }

        private string AppendContinuations(string value)
        {
            while (_position < text.Length && text[_position] is ' ' or '\t')
            {
                ReadLine(out var continuation, out _);
                var trimmed = continuation.Trim();
                if (trimmed.Length > 0)
                {
                    value = value.Length == 0 ? trimmed.ToString() : string.Concat(value, " ", trimmed);
                }
            }
            return value;
        }

        private bool ReadLine(out ReadOnlySpan<char> line, out int lineNumber)
        {
            if (_position >= text.Length)
            {
                line = default;
                lineNumber = _line;
                return false;
            }
            var rest = text.AsSpan(_position);
            var end = rest.IndexOf('\n');
            line = end < 0 ? rest : rest[..end];
            _position += end < 0 ? rest.Length : end + 1;
            if (line.EndsWith('\r'))
            {
                line = line[..^1];
            }
            lineNumber = ++_line;
            return true;
        }
    }
}
