using Req2Nix.Packaging.Names;

namespace Req2Nix.Resolver.Index;

/// <summary>Base of the errors an <see cref="IPackageIndex"/> reports; messages never contain credentials.</summary>
public abstract class IndexException : Exception
{
    protected IndexException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}

/// <summary>No configured index has the project (an unsatisfiable requirement, not an outage).</summary>
public sealed class PackageNotFoundException : IndexException
{
    public PackageNotFoundException(PackageName name, string where)
        : base($"no index has a project named '{name}' ({where})")
    {
        Name = name;
    }

    public PackageName Name { get; }
}

/// <summary>The index could not be reached, or kept failing after retries.</summary>
public sealed class IndexUnavailableException : IndexException
{
    public IndexUnavailableException(string redactedUrl, string message, Exception? inner = null)
        : base($"{redactedUrl}: {message}", inner)
    {
        Url = redactedUrl;
    }

    public string Url { get; }
}

/// <summary>A downloaded file did not match the digest the index or a <c>--hash</c> pin states.</summary>
public sealed class HashMismatchException : IndexException
{
    public HashMismatchException(string filename, string expected, string actual)
        : base($"{filename}: sha256 mismatch: expected {expected}, got {actual}")
    {
        Filename = filename;
    }

    public string Filename { get; }
}

/// <summary>
/// A release's metadata cannot be used: the distribution has none, it is malformed, or it names
/// another project or version than the file. The release is no candidate; the index is fine.
/// </summary>
public sealed class InvalidMetadataException : IndexException
{
    public InvalidMetadataException(string filename, string message, Exception? inner = null)
        : base($"{filename}: {message}", inner)
    {
        Filename = filename;
    }

    public string Filename { get; }
}
