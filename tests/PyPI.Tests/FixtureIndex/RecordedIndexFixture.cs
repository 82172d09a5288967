namespace Req2Nix.PyPI.Tests.FixtureIndex;

/// <summary>One server over fixtures/data/index shared by a test class that only reads (no faults, no log assertions).</summary>
public sealed class RecordedIndexFixture : LoopbackIndex;
