using Req2Nix.Packaging.Pep508;

namespace Req2Nix.Inputs.Archives;

/// <summary>What a distribution file says about building and importing it.</summary>
/// <param name="BuildRequires">
/// An sdist's <c>[build-system].requires</c> (PEP 518's setuptools default when it has a
/// setup.py and no <c>[build-system]</c>); null for a wheel (nothing to build) or when the sdist
/// does not say (no pyproject.toml nor setup.py, or an unreadable pyproject.toml: see <paramref name="Warnings"/>).
/// </param>
/// <param name="TopLevelModules">The top-level import names, sorted; empty when none were found.</param>
/// <param name="Warnings">What was skipped or guessed, for the user.</param>
public sealed record DistributionInspection(
    IReadOnlyList<Requirement>? BuildRequires,
    IReadOnlyList<string> TopLevelModules,
    IReadOnlyList<string> Warnings);
