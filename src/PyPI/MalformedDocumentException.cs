namespace Req2Nix.PyPI;

/// <summary>
/// A document from the index that does not parse (JSON that is not, a digest that is no digest).
/// Inside the client it means a damaged transfer and is retried; when it persists it becomes an
/// <see cref="Req2Nix.Resolver.Index.IndexUnavailableException"/> naming the URL.
/// </summary>
internal sealed class MalformedDocumentException : Exception
{
    public MalformedDocumentException(string reason, Exception? inner = null)
        : base(reason, inner)
    {
    }
}
