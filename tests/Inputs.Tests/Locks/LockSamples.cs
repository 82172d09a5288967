using Req2Nix.Tests.Shared;

namespace Req2Nix.Inputs.Tests.Locks;

/// <summary>The hand-written lock samples in tests/Inputs.Tests/Locks/data.</summary>
internal static class LockSamples
{
    public static byte[] Read(string name) =>
        File.ReadAllBytes(Path.Combine(SharedFolder.RepositoryRoot, "tests", "Inputs.Tests", "Locks", "data", name));
}
