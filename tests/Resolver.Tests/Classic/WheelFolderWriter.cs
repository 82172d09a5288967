using System.IO.Compression;
using System.Net;
using System.Text;
using Req2Nix.Packaging.Names;
using Req2Nix.Resolver.Index;

namespace Req2Nix.Resolver.Tests.Classic;

/// <summary>Writes releases as a PEP 503 folder of tiny wheels, an index pip reads through a <c>file://</c> URL.</summary>
internal static class WheelFolderWriter
{
    public static void Write(IEnumerable<InMemoryRelease> releases, string folder)
    {
        foreach (var project in releases.GroupBy(release => PackageName.Parse(release.Name)))
        {
            var projectFolder = Path.Combine(folder, project.Key.Value);
            Directory.CreateDirectory(projectFolder);
            var links = new StringBuilder("<!DOCTYPE html><html><body>\n");
            foreach (var release in project)
            {
                var filename = $"{project.Key.ToFilenameForm()}-{release.Version}-py3-none-any.whl";
                WriteWheel(Path.Combine(projectFolder, filename), release, project.Key.ToFilenameForm());
                var attributes = new StringBuilder();
                if (release.RequiresPython is { } requiresPython && release.RequiresPythonOnFiles)
                {
                    attributes.Append($" data-requires-python=\"{WebUtility.HtmlEncode(requiresPython)}\"");
                }
                if (release.Yanked)
                {
                    attributes.Append($" data-yanked=\"{WebUtility.HtmlEncode(release.YankedReason ?? string.Empty)}\"");
                }
                links.Append($"<a href=\"{filename}\"{attributes}>{filename}</a><br/>\n");
            }
            File.WriteAllText(Path.Combine(projectFolder, "index.html"), links.Append("</body></html>\n").ToString());
        }
    }

    private static void WriteWheel(string path, InMemoryRelease release, string filenameForm)
    {
        var metadata = release.ToMetadata();
        var text = new StringBuilder()
            .Append("Metadata-Version: 2.1\n")
            .Append($"Name: {release.Name}\n")
            .Append($"Version: {release.Version}\n");
        if (release.RequiresPython is { } requiresPython)
        {
            text.Append($"Requires-Python: {requiresPython}\n");
        }
        foreach (var extra in metadata.ProvidesExtra)
        {
            text.Append($"Provides-Extra: {extra}\n");
        }
        foreach (var requirement in release.RequiresDist)
        {
            text.Append($"Requires-Dist: {requirement}\n");
        }
        var distInfo = $"{filenameForm}-{release.Version}.dist-info";
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        Add(zip, $"{distInfo}/METADATA", text.ToString());
        Add(zip, $"{distInfo}/WHEEL", "Wheel-Version: 1.0\nGenerator: req2nix-tests\nRoot-Is-Purelib: true\nTag: py3-none-any\n");
        Add(zip, $"{distInfo}/RECORD", string.Empty);
    }

    private static void Add(ZipArchive zip, string name, string content)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        writer.Write(content);
    }
}
