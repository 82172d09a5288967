using Req2Nix.Inputs.Toml;
using Req2Nix.Packaging.Pep508;

namespace Req2Nix.Inputs.Pyproject;

/// <summary>A PEP 508 requirement string of a pyproject.toml, parsed, with where it was written.</summary>
public sealed record ProjectRequirement(Requirement Requirement, TomlPosition Position);
