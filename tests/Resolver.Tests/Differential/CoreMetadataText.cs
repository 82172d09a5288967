using Req2Nix.Packaging.Names;
using Req2Nix.Packaging.Pep440;
using Req2Nix.Packaging.Pep508;
using Req2Nix.Resolver.Index;

namespace Req2Nix.Resolver.Tests.Differential;

/// <summary>Reads the header block of a METADATA / PKG-INFO file (RFC 822 style) into <see cref="CoreMetadata"/>.</summary>
internal static class CoreMetadataText
{
    public static CoreMetadata Parse(string text)
    {
        var fields = new List<(string Key, string Value)>();
        foreach (var rawLine in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            if (rawLine.Length == 0)
            {
                break;
            }
            if ((rawLine[0] == ' ' || rawLine[0] == '\t') && fields.Count > 0)
            {
                fields[^1] = (fields[^1].Key, fields[^1].Value + "\n" + rawLine.Trim());
                continue;
            }
            var colon = rawLine.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                fields.Add((rawLine[..colon].Trim().ToLowerInvariant(), rawLine[(colon + 1)..].Trim()));
            }
        }
        string? Single(string key) => fields.Where(field => field.Key == key).Select(field => field.Value).FirstOrDefault();
        IEnumerable<string> All(string key) => fields.Where(field => field.Key == key).Select(field => field.Value);

        var valid = new List<Requirement>();
        var invalid = new List<string>();
        foreach (var line in All("requires-dist"))
        {
            if (Requirement.TryParse(line, out var requirement, out _))
            {
                valid.Add(requirement);
            }
            else
            {
                invalid.Add(line);
            }
        }
        var extras = new List<ExtraName>();
        foreach (var line in All("provides-extra"))
        {
            if (ExtraName.TryParse(line, out var extra) && !extras.Contains(extra))
            {
                extras.Add(extra);
            }
        }
        return new CoreMetadata(Single("name") ?? string.Empty, Pep440Version.Parse(Single("version") ?? "0"))
        {
            RequiresDist = valid,
            InvalidRequiresDist = invalid,
            RequiresPython = Single("requires-python"),
            ProvidesExtra = extras,
        };
    }
}
