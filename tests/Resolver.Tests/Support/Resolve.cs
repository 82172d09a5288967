using Req2Nix.Resolver.Index;

namespace Req2Nix.Resolver.Tests.Support;

/// <summary>Runs the resolver and reads its result as <c>name==version</c> pins.</summary>
internal static class Resolve
{
    public static async Task<Resolution> RunAsync(IPackageIndex index, Manifest manifest, ResolutionTarget? target = null, ResolverOptions? options = null) =>
        await new DependencyResolver(index, options).ResolveAsync(manifest, target ?? TestManifests.Linux, CancellationToken.None);

    /// <summary>The pins as sorted <c>name==version</c> strings.</summary>
    public static async Task<string[]> PinsAsync(IPackageIndex index, Manifest manifest, ResolutionTarget? target = null, ResolverOptions? options = null) =>
        Pins(await RunAsync(index, manifest, target, options));

    public static Task<string[]> PinsAsync(IPackageIndex index, params string[] requirements) =>
        PinsAsync(index, TestManifests.Manifest(requirements));

    public static string[] Pins(Resolution resolution) =>
        [.. resolution.Packages.Select(package => $"{package.Name}=={package.Version}").Order(StringComparer.Ordinal)];

    /// <summary>The message of the <see cref="ResolutionImpossibleException"/> the resolution must throw.</summary>
    public static async Task<string> FailureAsync(IPackageIndex index, Manifest manifest, ResolutionTarget? target = null)
    {
        var exception = await Assert.ThrowsAsync<ResolutionImpossibleException>(() => RunAsync(index, manifest, target));
        return exception.Message;
    }

    public static Task<string> FailureAsync(IPackageIndex index, params string[] requirements) =>
        FailureAsync(index, TestManifests.Manifest(requirements));
}
