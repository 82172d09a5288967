using Req2Nix.Packaging.Targets;

namespace Req2Nix.Resolver;

/// <summary>
/// No set of versions satisfies the inputs. <see cref="Exception.Message"/> says why in terms of
/// the input lines: which requirements conflict, through which releases, and what the index has.
/// </summary>
public sealed class ResolutionImpossibleException : Exception
{
    /// <param name="systems">The systems on which resolution failed.</param>
    /// <param name="onEverySystem">Whether that is every target system (then the message names none).</param>
    /// <param name="reasons">The explanation, one statement each.</param>
    public ResolutionImpossibleException(SystemSet systems, bool onEverySystem, IReadOnlyList<string> reasons)
        : base((onEverySystem ? string.Empty : $"on {systems}: ") + string.Join("; ", reasons))
    {
        Systems = systems;
        Reasons = reasons;
    }

    /// <summary>The systems on which resolution failed.</summary>
    public SystemSet Systems { get; }

    /// <summary>The explanation, one statement per item (joined by <c>; </c> in the message).</summary>
    public IReadOnlyList<string> Reasons { get; }
}
