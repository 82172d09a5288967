using Req2Nix.Packaging.Names;
using Req2Nix.Resolver;

namespace Req2Nix.Inputs.Requirements;

/// <summary>
/// pip's <c>FormatControl</c> while options are applied: two sets of normalized names or
/// <c>:all:</c>, changed by <c>FormatControl.handle_mutual_excludes</c> — a value is split on commas;
/// <c>:all:</c> empties both sets and puts itself in the target (ending the value unless a later
/// <c>:none:</c> follows); <c>:none:</c> empties the target; a name leaves the other set and joins the target.
/// </summary>
public sealed class FormatControlSets
{
    private const string NoneOfThem = ":none:";

    public HashSet<string> NoBinary { get; } = new(StringComparer.Ordinal);

    public HashSet<string> OnlyBinary { get; } = new(StringComparer.Ordinal);

    public void Apply(FormatControlChange change)
    {
        var (target, other) = change.Option == BinaryFormatOption.NoBinary ? (NoBinary, OnlyBinary) : (OnlyBinary, NoBinary);
        var names = change.Value.Split(',');
        var from = 0;
        int all;
        while ((all = Array.IndexOf(names, FormatControl.AllProjects, from)) >= 0)
        {
            other.Clear();
            target.Clear();
            target.Add(FormatControl.AllProjects);
            from = all + 1;
            if (Array.IndexOf(names, NoneOfThem, from) < 0)
            {
                return;
            }
        }
        for (var i = from; i < names.Length; i++)
        {
            if (names[i] == NoneOfThem)
            {
                target.Clear();
                continue;
            }
            var name = PackageName.Normalize(names[i]);
            other.Remove(name);
            target.Add(name);
        }
    }

    /// <summary>The resolver's view of the current sets.</summary>
    public FormatControl ToFormatControl() =>
        new(new HashSet<string>(NoBinary, StringComparer.Ordinal), new HashSet<string>(OnlyBinary, StringComparer.Ordinal));
}
