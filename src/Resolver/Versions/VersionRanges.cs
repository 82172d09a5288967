using System.Text;

namespace Req2Nix.Resolver.Versions;

/// <summary>Renders a <see cref="VersionSet"/> for people: runs of consecutive catalog versions.</summary>
internal static class VersionRanges
{
    public static string Describe(VersionSet set)
    {
        var catalog = set.Catalog;
        if (set.IsEmpty)
        {
            return "no version";
        }
        var text = new StringBuilder();
        var index = 0;
        while (index < catalog.Count)
        {
            if (!set.Contains(index))
            {
                index++;
                continue;
            }
            var end = index;
            while (end + 1 < catalog.Count && set.Contains(end + 1))
            {
                end++;
            }
            if (text.Length > 0)
            {
                text.Append(", ");
            }
            text.Append(catalog[index].ToString());
            if (end > index)
            {
                text.Append(end == index + 1 ? ", " : " … ").Append(catalog[end].ToString());
            }
            index = end + 1;
        }
        return text.ToString();
    }
}
