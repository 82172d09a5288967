using Req2Nix.Inputs.Locks.Poetry;
using Req2Nix.Inputs.Pyproject;
using Req2Nix.Packaging.Names;
using Req2Nix.Packaging.Targets;
using Req2Nix.Resolver;
using Req2Nix.Tests.Shared;

namespace Req2Nix.Inputs.Tests.Locks;

/// <summary>
/// Every readable lock of shared/conformance/poetry-lock converted to a resolution, with and
/// without its pyproject.toml, on two Pythons, offline: the result is consistent (every edge and
/// root reaches a package on its systems, versions of one name never share a system) and every
/// file comes from the lock with the lock's own hash.
/// </summary>
public sealed class PoetryLockCorpusResolutionTests
{
    private static readonly string Cases = Path.Combine(SharedFolder.Conformance, "poetry-lock", "cases");

    public static TheoryData<string> ReadableLocks()
    {
        var cases = new TheoryData<string>();
        if (Directory.Exists(Cases))
        {
            foreach (var folder in Directory.EnumerateDirectories(Cases).Order(StringComparer.Ordinal))
            {
                var id = Path.GetFileName(folder);
                if (id is not ("poetry__fixtures_invalid_lock" or "poetry__fixtures_incompatible_lock"))
                {
                    cases.Add(id);
                }
            }
        }
        return cases;
    }

    [SharedTheory("conformance/poetry-lock")]
    [MemberData(nameof(ReadableLocks))]
    public void Lock_converts_consistently_with_the_locks_hashes(string caseId)
    {
        var lockFile = PoetryLockReader.Read(File.ReadAllBytes(Path.Combine(Cases, caseId, "poetry.lock")), $"{caseId}/poetry.lock");
        var pyprojectPath = Path.Combine(Cases, caseId, "pyproject.toml");
        var project = File.Exists(pyprojectPath) ? PyprojectReader.Read(File.ReadAllBytes(pyprojectPath), $"{caseId}/pyproject.toml") : null;

        foreach (var python in new[] { "3.9", "3.12" })
        {
            var target = new ResolutionTarget(PythonTarget.Parse(python), SystemSet.All);
            foreach (var withProject in project is null ? [false] : new[] { false, true })
            {
                var resolution = lockFile.ToResolution(target, DependencySelection.Default, withProject ? project : null);
                AssertConsistent(lockFile, resolution);
            }
        }
    }

    private static void AssertConsistent(PoetryLock lockFile, Resolution resolution)
    {
        var systemsByName = new Dictionary<PackageName, SystemSet>();
        foreach (var package in resolution.Packages)
        {
            Assert.False(package.Systems.IsEmpty);
            var before = systemsByName.GetValueOrDefault(package.Name);
            Assert.True(before.Intersect(package.Systems).IsEmpty, $"two versions of {package.Name} share a system");
            systemsByName[package.Name] = before | package.Systems;

            var locked = lockFile.Packages
                .Where(p => PackageName.Normalize(p.Name) == package.Name.Value && Packaging.Pep440.Pep440Version.Parse(p.Version) == package.Version)
                .SelectMany(p => p.Files)
                .ToList();
            foreach (var file in package.Files)
            {
                var lockedFile = Assert.Single(locked, f => f.File == file.Filename);
                Assert.Equal(lockedFile.Hash, file.Sha256.ToPrefixedHex());
                Assert.StartsWith("https://", file.Url, StringComparison.Ordinal);
            }
        }
        foreach (var package in resolution.Packages)
        {
            foreach (var dependency in package.Dependencies.Concat(package.OptionalDependencies.Values.SelectMany(d => d)))
            {
                Assert.True(package.Systems.IsSupersetOf(dependency.Systems), $"{package.Name} → {dependency.Name} holds beyond {package.Name}");
                Assert.True(
                    systemsByName.GetValueOrDefault(dependency.Name).IsSupersetOf(dependency.Systems),
                    $"{package.Name} → {dependency.Name} on {dependency.Systems}, which the resolution lacks");
            }
        }
        foreach (var root in resolution.Roots)
        {
            Assert.True(systemsByName.GetValueOrDefault(root.Name).IsSupersetOf(root.Systems), $"root {root.Name} is missing on {root.Systems}");
        }
    }
}
