using Req2Nix.Packaging.Names;

namespace Req2Nix.Resolver.Index;

/// <summary>
/// The listing a file was read from: the project it lists. One instance per listing, shared by its
/// files. An index client extends it with what it needs to ask about the file later (which of its
/// indexes listed it); the resolver only carries it along.
/// </summary>
public record ListingOrigin(PackageName Project);
