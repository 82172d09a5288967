using Req2Nix.Emit.Nix;
using Req2Nix.Packaging.Names;
using Req2Nix.Packaging.Text;
using Req2Nix.Resolver;

namespace Req2Nix.Emit.Sources;

/// <summary>
/// The <c>src</c> of a build: <c>fetchPypi</c> where it computes the file's real URL, else
/// <c>fetchurl</c> with the index's URL; hashes are always the resolution's verified sha256, as SRI.
/// Direct sources: a git commit through <c>builtins.fetchGit</c>, a local path relative to the
/// generated file; what cannot be pinned becomes a <c>throw</c> that says why.
/// </summary>
internal static class SourceExpression
{
    private static readonly AsciiSet LowerHex = new("0123456789abcdef");
    private static readonly AsciiSet StorePathCharacters = new("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+-._?=");

    public static NixExpression ForFile(ResolvedFile file, PackageName project)
    {
        if (FetchPypiArguments.For(file, project) is { } arguments)
        {
            return new NixApplication(new NixRaw("fetchPypi"), arguments);
        }
        var bindings = new List<NixBinding> { new("url", new NixStringLiteral(file.Url)) };
        // fetchurl names the store path after the URL's last segment; characters a store path
        // cannot hold (a %-escape, a query) would fail evaluation, so the file name is given instead.
        var lastSegment = file.Url[(file.Url.LastIndexOf('/') + 1)..];
        if (!IsStorePathName(lastSegment))
        {
            bindings.Add(new NixBinding("name", new NixStringLiteral(StorePathName(file.Filename))));
        }
        bindings.Add(new NixBinding("hash", new NixStringLiteral(file.Sha256.ToSri())));
        return new NixApplication(new NixRaw("fetchurl"), new NixAttrSet(bindings));
    }

    /// <summary>The source of a VCS checkout or a local path; <paramref name="sourceRoot"/> is set for a subdirectory.</summary>
    public static NixExpression ForDirect(DirectSource source, PackageName project, out string? sourceRoot)
    {
        sourceRoot = null;
        switch (source)
        {
            case VcsSource { Kind: VcsKind.Git } git when git.Revision is { } revision && IsCommit(revision):
                if (git.Subdirectory is { Length: > 0 } subdirectory)
                {
                    sourceRoot = "source/" + subdirectory.Trim('/');
                }
                return new NixApplication(
                    new NixRaw("builtins.fetchGit"),
                    new NixAttrSet(
                    [
                        new NixBinding("url", new NixStringLiteral(git.Url)),
                        new NixBinding("rev", new NixStringLiteral(revision)),
                        new NixBinding("allRefs", new NixRaw("true")),
                    ]));
            case VcsSource vcs:
                return Throw($"req2nix: {project} comes from {vcs.Kind} {vcs.Url} without a pinned commit; pin a full git commit in the input, or use a release from an index");
            case LocalPathSource local:
                var absolute = local.Path.StartsWith('/');
                // Nix folds "/./" and "/../" when it adds a string to a path: ./. + "/../x" is ../x.
                var path = absolute ? local.Path : "/" + local.Path;
                // A path literal cannot hold every file name; a string appended to one can.
                return new NixRaw($"{(absolute ? "/." : "./.")} + {NixString.Quote(path)}");
            case ArchiveSource archive:
                return Throw($"req2nix: no verified sha256 for {project} at {archive.Url}");
            default:
                return Throw($"req2nix: {project} has a source req2nix cannot fetch");
        }
    }

    public static NixExpression Throw(string message) => new NixApplication(new NixRaw("throw"), new NixStringLiteral(message));

    private static bool IsCommit(string revision) =>
        revision.Length == 40 && !LowerHex.ContainsAnyExcept(revision);

    /// <summary>Nix store path names: letters, digits and <c>+-._?=</c>, not starting with a dot.</summary>
    private static bool IsStorePathName(string name) =>
        name.Length > 0 && name[0] != '.'
        && !StorePathCharacters.ContainsAnyExcept(name);

    private static string StorePathName(string filename)
    {
        var chars = filename.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (!char.IsAsciiLetterOrDigit(chars[i]) && chars[i] is not ('+' or '-' or '.' or '_' or '?' or '='))
            {
                chars[i] = '_';
            }
        }
        var name = new string(chars).TrimStart('.');
        return name.Length == 0 ? "source" : name;
    }
}
