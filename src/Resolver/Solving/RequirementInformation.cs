namespace Req2Nix.Resolver.Solving;

/// <summary>A requirement and the candidate that brought it in; <see cref="Parent"/> is null for the inputs' own requirements.</summary>
internal readonly record struct RequirementInformation(SolverRequirement Requirement, Candidate? Parent);
