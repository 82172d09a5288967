using System.Text;
using Req2Nix.Packaging.Pep440;

namespace Req2Nix.Packaging.Pep508;

/// <summary>
/// One comparison, <c>python_version &gt;= "3.8"</c>. Either side may be the variable. How it is
/// evaluated is decided once, here, following packaging 26.3:
/// <list type="bullet">
/// <item>the environment value is looked up for the left operand when it is a variable, else for
/// the right one (for <c>"posix" == "os_name"</c>, the literal names the key; an unknown key raises);</item>
/// <item>for <c>python_version</c>, <c>python_full_version</c>, <c>implementation_version</c> and
/// <c>platform_release</c>, when <c>op + right</c> is a valid PEP 440 specifier the answer is
/// <c>Specifier(op + right).contains(left, prereleases=True)</c>, false when left is no version;</item>
/// <item>otherwise strings: <c>==</c>, <c>&lt;=</c>, <c>&gt;=</c> are equality, <c>!=</c> inequality,
/// <c>in</c>/<c>not in</c> substring tests, <c>&lt;</c>/<c>&gt;</c> false, and <c>~=</c>/<c>===</c> raise;</item>
/// <item><c>extra</c> literals and the members tested against <c>extras</c>/<c>dependency_groups</c>
/// are PEP 685-normalized when parsed (so they print normalized too).</item>
/// </list>
/// A version literal is parsed once, at construction; evaluation does not allocate (<c>===</c>
/// compares the text as written, case-insensitively, with no version parsed).
/// </summary>
public sealed class MarkerComparison : MarkerExpression
{
    private readonly Kind _kind;
    private readonly MarkerVariable _key;
    private readonly bool _environmentOnLeft;
    private readonly string _other;
    private readonly VersionSpecifier? _specifier;
    private readonly Pep440Version? _otherVersion;

    public MarkerComparison(MarkerOperand left, MarkerOperator op, MarkerOperand right)
        : this(Plan.For(left, op, right))
    {
    }

    private MarkerComparison(Plan plan)
        : base(plan.MayThrow, plan.Kind != Kind.UnknownKey && plan.Key == MarkerVariable.Extra)
    {
        Left = plan.Left;
        Operator = plan.Operator;
        Right = plan.Right;
        _kind = plan.Kind;
        _key = plan.Key;
        _environmentOnLeft = plan.EnvironmentOnLeft;
        _other = plan.Other;
        _specifier = plan.Specifier;
        _otherVersion = plan.OtherVersion;
    }

    private enum Kind : byte
    {
        Text,
        VersionWithEnvironmentOnLeft,
        VersionWithEnvironmentOnRight,
        SetMembership,
        UnknownKey,
    }

    public MarkerOperand Left { get; }

    public MarkerOperator Operator { get; }

    public MarkerOperand Right { get; }

    internal override Truth Evaluate(MarkerEnvironment environment, string extra, bool throwing)
    {
        switch (_kind)
        {
            case Kind.Text:
                return CompareText(_key == MarkerVariable.Extra ? extra : environment.Value(_key), throwing);
            case Kind.VersionWithEnvironmentOnLeft:
                if (Operator == MarkerOperator.ArbitraryEqual)
                {
                    return Of(_specifier!.MatchesText(environment.Value(_key), version: null));
                }
                return Of(environment.Version(_key) is { } version && _specifier!.Contains(version, prereleases: true));
            case Kind.VersionWithEnvironmentOnRight:
                var specifier = environment.Specifier(_key, Operator);
                if (specifier is null)
                {
                    return CompareText(environment.Value(_key), throwing);
                }
                if (Operator == MarkerOperator.ArbitraryEqual)
                {
                    return Of(specifier.MatchesText(_other, version: null));
                }
                return Of(_otherVersion is not null && specifier.Contains(_otherVersion, prereleases: true));
            case Kind.SetMembership:
                return CompareSet(environment, throwing);
            default:
                return Undefined(throwing, MarkerEvaluationException.UndefinedEnvironmentName, _other);
        }
    }

    internal override ulong Evaluate(MarkerEnvironmentSet environments, string extra, bool throwing, ref bool undefined)
    {
        if (environments.IsUniform(_key))
        {
            switch (Evaluate(environments[0], extra, throwing))
            {
                case Truth.True:
                    return environments.All.Bits;
                case Truth.Undefined:
                    undefined = true;
                    break;
            }
            return 0;
        }
        var mask = 0UL;
        for (var i = 0; i < environments.Count; i++)
        {
            switch (Evaluate(environments[i], extra, throwing))
            {
                case Truth.True:
                    mask |= 1UL << i;
                    break;
                case Truth.Undefined:
                    undefined = true;
                    break;
            }
        }
        return mask;
    }

    internal override void AppendTo(StringBuilder builder, bool standalone) =>
        builder.Append(Left.ToString()).Append(' ').Append(MarkerOperators.Text(Operator)).Append(' ').Append(Right.ToString());

    internal override MarkerExpression Parenthesized() => this;

    internal override void CollectExtras(List<string> into)
    {
        if (_kind == Kind.Text && _key == MarkerVariable.Extra && Operator == MarkerOperator.Equal)
        {
            into.Add(_other);
        }
    }

    private Truth CompareText(string environmentValue, bool throwing)
    {
        var left = _environmentOnLeft ? environmentValue : _other;
        var right = _environmentOnLeft ? _other : environmentValue;
        return Operator switch
        {
            MarkerOperator.Equal or MarkerOperator.LessThanOrEqual or MarkerOperator.GreaterThanOrEqual =>
                Of(string.Equals(left, right, StringComparison.Ordinal)),
            MarkerOperator.NotEqual => Of(!string.Equals(left, right, StringComparison.Ordinal)),
            MarkerOperator.LessThan or MarkerOperator.GreaterThan => Truth.False,
            MarkerOperator.In => Of(right.Contains(left, StringComparison.Ordinal)),
            MarkerOperator.NotIn => Of(!right.Contains(left, StringComparison.Ordinal)),
            _ => throwing ? throw MarkerEvaluationException.UndefinedComparison(Operator, left, right) : Truth.Undefined,
        };
    }

    private Truth CompareSet(MarkerEnvironment environment, bool throwing)
    {
        var set = environment.Set(_key);
        if (set is null)
        {
            return Undefined(throwing, MarkerEvaluationException.UndefinedEnvironmentName, MarkerVariables.Name(_key));
        }
        if (_environmentOnLeft)
        {
            return throwing ? throw MarkerEvaluationException.SetOnLeft(_key, Operator) : Truth.Undefined;
        }
        return Operator switch
        {
            MarkerOperator.In => Of(set.Contains(_other)),
            MarkerOperator.NotIn => Of(!set.Contains(_other)),
            MarkerOperator.NotEqual => Truth.True,
            MarkerOperator.Equal or MarkerOperator.LessThanOrEqual or MarkerOperator.GreaterThanOrEqual
                or MarkerOperator.LessThan or MarkerOperator.GreaterThan => Truth.False,
            _ => throwing
                ? throw MarkerEvaluationException.UndefinedComparison(Operator, _other, MarkerVariables.Name(_key))
                : Truth.Undefined,
        };
    }

    private static Truth Of(bool value) => value ? Truth.True : Truth.False;

    private static Truth Undefined(bool throwing, Func<string, MarkerEvaluationException> exception, string name) =>
        throwing ? throw exception(name) : Truth.Undefined;

    /// <summary>How a comparison evaluates, worked out once from its operands.</summary>
    private readonly record struct Plan(
        MarkerOperand Left,
        MarkerOperator Operator,
        MarkerOperand Right,
        Kind Kind,
        MarkerVariable Key,
        bool EnvironmentOnLeft,
        string Other,
        VersionSpecifier? Specifier,
        Pep440Version? OtherVersion,
        bool MayThrow)
    {
        public static Plan For(MarkerOperand left, MarkerOperator op, MarkerOperand right)
        {
            NormalizeExtras(ref left, ref right);

            bool environmentOnLeft;
            MarkerVariable key;
            string other;
            if (left.IsVariable)
            {
                (environmentOnLeft, key, other) = (true, left.Variable, right.Text);
            }
            else if (right.IsVariable)
            {
                (environmentOnLeft, key, other) = (false, right.Variable, left.Literal!);
            }
            else if (MarkerVariables.TryParse(right.Literal, out var named))
            {
                (environmentOnLeft, key, other) = (false, named, left.Literal!);
            }
            else
            {
                return new Plan(left, op, right, Kind.UnknownKey, default, false, right.Literal!, null, null, MayThrow: true);
            }

            var undefinedAsText = op is MarkerOperator.Compatible or MarkerOperator.ArbitraryEqual;
            if (MarkerVariables.IsSet(key))
            {
                return new Plan(left, op, right, Kind.SetMembership, key, environmentOnLeft, CanonicalName.Of(other), null, null, MayThrow: true);
            }
            if (MarkerVariables.IsVersion(key) && MarkerOperators.IsVersionOperator(op))
            {
                if (!environmentOnLeft)
                {
                    var otherVersion = Pep440Version.ParseOrNull(other);
                    return new Plan(left, op, right, Kind.VersionWithEnvironmentOnRight, key, false, other, null, otherVersion, undefinedAsText);
                }
                if (TryParseSpecifier(op, other) is { } specifier)
                {
                    return new Plan(left, op, right, Kind.VersionWithEnvironmentOnLeft, key, true, other, specifier, null, MayThrow: false);
                }
            }
            return new Plan(left, op, right, Kind.Text, key, environmentOnLeft, other, null, null, undefinedAsText);
        }

        /// <summary>packaging's <c>_normalize_extras</c>: the literal compared with <c>extra</c> or tested against a set.</summary>
        private static void NormalizeExtras(ref MarkerOperand left, ref MarkerOperand right)
        {
            if (left is { IsVariable: true, Variable: MarkerVariable.Extra } && !right.IsVariable)
            {
                right = MarkerOperand.ForLiteral(CanonicalName.Of(right.Literal!));
            }
            else if (right.IsVariable && !left.IsVariable
                && right.Variable is MarkerVariable.Extra or MarkerVariable.Extras or MarkerVariable.DependencyGroups)
            {
                left = MarkerOperand.ForLiteral(CanonicalName.Of(left.Literal!));
            }
        }
    }

    /// <summary><c>Specifier(op + text)</c>, or null when packaging would reject it.</summary>
    internal static VersionSpecifier? TryParseSpecifier(MarkerOperator op, string text)
    {
        var opText = MarkerOperators.Text(op);
        var length = opText.Length + text.Length;
        var buffer = length <= 256 ? stackalloc char[length] : new char[length];
        opText.CopyTo(buffer);
        text.CopyTo(buffer[opText.Length..]);
        return VersionSpecifier.TryParse(buffer, out var specifier, out _) ? specifier : null;
    }
}
