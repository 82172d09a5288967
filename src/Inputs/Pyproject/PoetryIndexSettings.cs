using Req2Nix.Resolver;

namespace Req2Nix.Inputs.Pyproject;

/// <summary>
/// <c>[[tool.poetry.source]]</c> as index settings, following Poetry 2: the primary sources (and
/// the older <c>default</c>) in order are the index and the first extra indexes, PyPI only when no
/// primary source is configured or one is named <c>PyPI</c>; supplemental (older: secondary) sources
/// come after them. Explicit sources serve only the dependencies that name them in Poetry, which
/// index settings cannot say; they are added last so those dependencies can be found.
/// </summary>
internal static class PoetryIndexSettings
{
    public static IndexSettings From(IReadOnlyList<PoetryIndexSource> sources)
    {
        if (sources.Count == 0)
        {
            return IndexSettings.PyPI;
        }
        var primary = new List<Uri>();
        var later = new List<Uri>();
        foreach (var source in sources)
        {
            var url = UrlOf(source);
            switch (source.Priority.ToLowerInvariant())
            {
                case "primary" or "default":
                    primary.Add(url);
                    break;
                default:
                    later.Add(url);
                    break;
            }
        }
        if (primary.Count == 0)
        {
            primary.Add(IndexSettings.PyPISimpleUrl);
        }
        return new IndexSettings { IndexUrl = primary[0], ExtraIndexUrls = [.. primary.Skip(1), .. later] };
    }

    private static Uri UrlOf(PoetryIndexSource source)
    {
        if (source.Url is null && string.Equals(source.Name, "pypi", StringComparison.OrdinalIgnoreCase))
        {
            return IndexSettings.PyPISimpleUrl;
        }
        if (source.Url is null || !Uri.TryCreate(source.Url, UriKind.Absolute, out var url))
        {
            throw new PyprojectException(
                source.Url is null ? $"the source '{source.Name}' has no url" : $"the url of source '{source.Name}' is not an absolute URL",
                source.Position);
        }
        return url;
    }
}
