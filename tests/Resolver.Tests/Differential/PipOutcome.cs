namespace Req2Nix.Resolver.Tests.Differential;

/// <summary>
/// What pip decided for a case: the pins (<c>name==version</c>, names normalized, sorted), or that it
/// found no solution, or (<see cref="Rejected"/>) that it refused the input before resolving.
/// </summary>
internal sealed record PipOutcome(bool Resolved, IReadOnlyList<string> Pins, string Diagnostics, double Seconds, bool Rejected = false);
