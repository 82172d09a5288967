namespace Req2Nix.Resolver;

/// <summary>Refuses, with the input line, what the resolver cannot resolve honestly: VCS checkouts, local paths, editables, constraints pip refuses.</summary>
internal static class ManifestCheck
{
    public static void Validate(Manifest manifest)
    {
        foreach (var requirement in manifest.Requirements)
        {
            CheckSource(requirement, "requirement");
        }
        foreach (var constraint in manifest.Constraints)
        {
            CheckSource(constraint, "constraint");
            if (constraint.Requirement.Extras.Count > 0)
            {
                throw new ResolutionInputException(constraint.Origin, $"the constraint on {constraint.Name} has extras; constraints cannot have extras (pip refuses them too)");
            }
        }
    }

    private static void CheckSource(RootRequirement requirement, string what)
    {
        switch (requirement.Source)
        {
            case VcsSource vcs:
                throw new ResolutionInputException(
                    requirement.Origin,
                    $"the {what} {requirement.Name} comes from a {vcs.Kind.ToString().ToLowerInvariant()} checkout ({vcs.Url}), which req2nix cannot resolve; use a released version or an archive URL");
            case LocalPathSource path:
                throw new ResolutionInputException(
                    requirement.Origin,
                    $"the {what} {requirement.Name} comes from the local path '{path.Path}', which req2nix cannot resolve; use a released version or an archive URL");
        }
        if (requirement.Editable)
        {
            throw new ResolutionInputException(requirement.Origin, $"the {what} {requirement.Name} is editable, which req2nix cannot resolve; use a released version");
        }
        if (requirement.Source is null && requirement.Requirement.Url is { } url)
        {
            // A PEP 508 URL the reader did not classify: only archives over http(s)/file are supported.
            if (!url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) && !url.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
                && !url.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
            {
                throw new ResolutionInputException(requirement.Origin, $"the {what} {requirement.Name} @ {url} is not an archive URL req2nix can fetch");
            }
        }
    }
}
