namespace Req2Nix.Resolver.Solving;

/// <summary>
/// pip 23.2's <c>get_preference</c> key; the smallest is pinned next. In order: the interpreter's
/// node first, then identifiers with requirements (pip's "direct" flag is true for every identifier
/// that has any), pinned with <c>==</c>/<c>===</c>, named by the last backtrack's causes, nearer to
/// the inputs, earlier in the inputs, with some version clause, and finally by name.
/// </summary>
internal readonly record struct Preference(
    bool NotRequiresPython,
    bool NotDirect,
    bool NotPinned,
    bool NotBacktrackCause,
    double InferredDepth,
    double RequestedOrder,
    bool NotUnfree,
    string Identifier) : IComparable<Preference>
{
    public int CompareTo(Preference other)
    {
        var order = NotRequiresPython.CompareTo(other.NotRequiresPython);
        if (order == 0)
        {
            order = NotDirect.CompareTo(other.NotDirect);
        }
        if (order == 0)
        {
            order = NotPinned.CompareTo(other.NotPinned);
        }
        if (order == 0)
        {
            order = NotBacktrackCause.CompareTo(other.NotBacktrackCause);
        }
        if (order == 0)
        {
            order = InferredDepth.CompareTo(other.InferredDepth);
        }
        if (order == 0)
        {
            order = RequestedOrder.CompareTo(other.RequestedOrder);
        }
        if (order == 0)
        {
            order = NotUnfree.CompareTo(other.NotUnfree);
        }
        return order != 0 ? order : string.CompareOrdinal(Identifier, other.Identifier);
    }

    public static bool operator <(Preference left, Preference right) => left.CompareTo(right) < 0;

    public static bool operator <=(Preference left, Preference right) => left.CompareTo(right) <= 0;

    public static bool operator >(Preference left, Preference right) => left.CompareTo(right) > 0;

    public static bool operator >=(Preference left, Preference right) => left.CompareTo(right) >= 0;
}
