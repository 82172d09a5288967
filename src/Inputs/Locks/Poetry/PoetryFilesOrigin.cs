namespace Req2Nix.Inputs.Locks.Poetry;

/// <summary>Where a locked package's files were found.</summary>
public enum PoetryFilesOrigin
{
    /// <summary>Nowhere: the package has no <c>files</c> key and no <c>[metadata.files]</c> entry.</summary>
    None,

    /// <summary>The package's own <c>files</c> array (lock 2.0 and later).</summary>
    PackageFiles,

    /// <summary><c>[metadata.files]</c>, under the package's normalized name (locks before 2.0).</summary>
    MetadataFiles,

    /// <summary><c>[metadata.files]</c>, whose list serves several packages of this name (versions cannot be told apart).</summary>
    MetadataFilesShared,
}
