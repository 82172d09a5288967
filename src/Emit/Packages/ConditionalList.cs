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
    private readonly Dictionary<string, SystemSet> _elements = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SystemSet> _spliced = new(StringComparer.Ordinal);

    public ConditionalList(SystemSet universe) => _universe = universe;

    public bool IsEmpty => _elements.Count == 0 && _spliced.Count == 0;

    /// <summary>Adds <paramref name="reference"/> (Nix syntax) as an element on <paramref name="systems"/>; nothing when none of them is in the universe.</summary>
    public void AddElement(string reference, SystemSet systems) => Add(_elements, reference, systems);

    /// <summary>Adds <paramref name="listReference"/>, a list, spliced in with <c>++</c>.</summary>
    public void AddSpliced(string listReference, SystemSet systems) => Add(_spliced, listReference, systems);

    public NixExpression Build()
    {
        var unconditional = new Group(null);
        var byCondition = new Dictionary<string, Group>(StringComparer.Ordinal);
        var conditional = new List<Group>();
        Group GroupFor(SystemSet systems)
        {
            if (SystemCondition.For(systems, _universe) is not { } condition)
            {
                return unconditional;
            }
            if (!byCondition.TryGetValue(condition, out var group))
            {
                byCondition[condition] = group = new Group(condition);
                conditional.Add(group);
            }
            return group;
        }
        foreach (var (reference, systems) in _elements)
        {
            GroupFor(systems).Elements.Add(reference);
        }
        foreach (var (reference, systems) in _spliced)
        {
            GroupFor(systems).Spliced.Add(reference);
        }
        conditional.Sort((a, b) => string.CompareOrdinal(a.Condition, b.Condition));

        var operands = new List<NixExpression>();
        if (!unconditional.IsEmpty)
        {
            var expression = Join(unconditional);
            operands.AddRange(expression is NixConcatenation concatenation ? concatenation.Operands : [expression]);
        }
        foreach (var group in conditional)
        {
            var condition = group.Condition!.Contains(' ', StringComparison.Ordinal) ? $"({group.Condition})" : group.Condition;
            operands.Add(new NixApplication(new NixApplication(new NixRaw("lib.optionals"), new NixRaw(condition)), Join(group)));
        }
        return operands.Count switch
        {
            0 => NixList.Empty,
            1 => operands[0],
            _ => new NixConcatenation(operands),
        };
    }

    private void Add(Dictionary<string, SystemSet> members, string reference, SystemSet systems)
    {
        var within = systems.Intersect(_universe);
        if (within.IsEmpty)
        {
            return;
        }
        members[reference] = members.GetValueOrDefault(reference).Union(within);
    }

    private static NixExpression Join(Group group)
    {
        var elements = StableOrder.Sorted(group.Elements, ByHeldName);
        var spliced = StableOrder.Sorted(group.Spliced, ByHeldName);
        var operands = new List<NixExpression>();
        if (elements.Length > 0 || spliced.Length == 0)
        {
            var list = new List<NixExpression>(elements.Length);
            foreach (var element in elements)
            {
                list.Add(new NixRaw(element));
            }
            operands.Add(new NixList(list));
        }
        foreach (var reference in spliced)
        {
            operands.Add(new NixRaw(reference));
        }
        return operands.Count == 1 ? operands[0] : new NixConcatenation(operands);
    }

    /// <summary>References sort by the names they hold, whether quoted or not (<c>final."3to2"</c> among <c>final.a…</c>).</summary>
    private static int ByHeldName(string a, string b) =>
        string.CompareOrdinal(a.Replace("\"", string.Empty, StringComparison.Ordinal), b.Replace("\"", string.Empty, StringComparison.Ordinal));

    /// <summary>The members written under one condition (none: unconditional).</summary>
    private sealed class Group(string? condition)
    {
        public string? Condition { get; } = condition;

        public List<string> Elements { get; } = [];

        public List<string> Spliced { get; } = [];

        public bool IsEmpty => Elements.Count == 0 && Spliced.Count == 0;
    }
}
