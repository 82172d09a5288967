using Req2Nix.Resolver.Releases;

namespace Req2Nix.Resolver.Solving;

/// <summary>A release found on the index: the version at <see cref="VersionIndex"/> of the project's catalog.</summary>
internal sealed class IndexCandidate : ReleaseCandidate
{
    public IndexCandidate(Identifier identifier, ProjectReleases project, int versionIndex, ReleaseMetadata metadata)
        : base(identifier, project.Catalog[versionIndex], metadata)
    {
        Project = project;
        VersionIndex = versionIndex;
    }

    public ProjectReleases Project { get; }

    public int VersionIndex { get; }
}
