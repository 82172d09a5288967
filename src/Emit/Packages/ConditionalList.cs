using Req2Nix.Emit.Nix;
using Req2Nix.Packaging.Targets;

namespace Req2Nix.Emit.Packages;

/// <summary>
/// Builds a list whose members hold on some systems only:
/// <c>[ a b ] ++ b.optional-dependencies.x ++ lib.optionals stdenv.hostPlatform.isDarwin [ c ]</c>.
/// Members are elements (<c>final.foo</c>) or lists spliced in (<c>final.foo.optional-dependencies.bar</c>);
/// each is written under the simplest condition on its systems within the universe (the systems
/// the build is for). Unconditional members come first; each group is sorted, so the order in
/// which members are added never shows.
/// </summary>
internal sealed class ConditionalList
{
    private readonly SystemSet _universe;
    private readonly Dictionary<(string Reference, bool Spliced), SystemSet> _members = [];

    public ConditionalList(SystemSet universe) => _universe = universe;

    public bool IsEmpty => _members.Count == 0;

    /// <summary>Adds <paramref name="reference"/> (Nix syntax) as an element on <paramref name="systems"/>; nothing when none of them is in the universe.</summary>
    public void AddElement(string reference, SystemSet systems) => Add(reference, spliced: false, systems);

    /// <summary>Adds <paramref name="listReference"/>, a list, spliced in with <c>++</c>.</summary>
    public void AddSpliced(string listReference, SystemSet systems) => Add(listReference, spliced: true, systems);

    public NixExpression Build()
    {
        var groups = _members
            .GroupBy(member => SystemCondition.For(member.Value, _universe))
            .OrderBy(group => group.Key is null ? 0 : 1)
            .ThenBy(group => group.Key, StringComparer.Ordinal)
            .ToArray();
        var operands = new List<NixExpression>();
        foreach (var group in groups)
        {
            var members = group.Select(member => member.Key).ToArray();
            var expression = Join(members);
            if (group.Key is null)
            {
                operands.AddRange(expression is NixConcatenation concatenation ? concatenation.Operands : [expression]);
            }
            else
            {
                var condition = group.Key.Contains(' ', StringComparison.Ordinal) ? $"({group.Key})" : group.Key;
                operands.Add(new NixApplication(new NixApplication(new NixRaw("lib.optionals"), new NixRaw(condition)), expression));
            }
        }
        return operands.Count switch
        {
            0 => NixList.Empty,
            1 => operands[0],
            _ => new NixConcatenation(operands),
        };
    }

    private void Add(string reference, bool spliced, SystemSet systems)
    {
        var within = systems.Intersect(_universe);
        if (within.IsEmpty)
        {
            return;
        }
        _members[(reference, spliced)] = _members.GetValueOrDefault((reference, spliced)).Union(within);
    }

    /// <summary>References sort by the names they hold, whether quoted or not (<c>final."3to2"</c> among <c>final.a…</c>).</summary>
    private static string SortKey(string reference) => reference.Replace("\"", string.Empty, StringComparison.Ordinal);

    private static NixExpression Join((string Reference, bool Spliced)[] members)
    {
        var elements = members.Where(m => !m.Spliced).Select(m => m.Reference).OrderBy(SortKey, StringComparer.Ordinal).ToArray();
        var spliced = members.Where(m => m.Spliced).Select(m => m.Reference).OrderBy(SortKey, StringComparer.Ordinal).ToArray();
        var operands = new List<NixExpression>();
        if (elements.Length > 0 || spliced.Length == 0)
        {
            operands.Add(new NixList([.. elements.Select(e => new NixRaw(e))]));
        }
        operands.AddRange(spliced.Select(s => new NixRaw(s)));
        return operands.Count == 1 ? operands[0] : new NixConcatenation(operands);
    }
}
