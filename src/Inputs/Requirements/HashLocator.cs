using Req2Nix.Resolver;

namespace Req2Nix.Inputs.Requirements;

/// <summary>Where a line's <c>--hash</c> options were written, worked out only when a message needs it.</summary>
internal sealed class HashLocator(string display, LogicalLine line, int[] offsets)
{
    public SourceLocation this[int index]
    {
        get
        {
            var (number, column) = line.PositionOf(offsets[index]);
            return new SourceLocation(display, number, column);
        }
    }
}
