namespace Req2Nix.Emit.Sources;

/// <summary>What a build starts from on a system.</summary>
internal enum ArtifactKind
{
    /// <summary>A source distribution: built with its build system.</summary>
    Sdist,

    /// <summary>A wheel: installed as it is (<c>format = "wheel"</c>).</summary>
    Wheel,

    /// <summary>A direct source that is not a distribution file: a VCS checkout or a local path, built from source.</summary>
    Direct,

    /// <summary>No file of the version fits the system.</summary>
    Missing,
}
