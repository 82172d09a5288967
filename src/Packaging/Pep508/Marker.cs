using System.Diagnostics.CodeAnalysis;
using Req2Nix.Packaging.Names;

namespace Req2Nix.Packaging.Pep508;

/// <summary>
/// A PEP 508 environment marker, <c>python_version &lt; "3.8" and sys_platform == "win32"</c>,
/// parsed and evaluated as packaging 26.3 does. Two markers are equal when they print the same
/// (packaging's rule). Evaluation neither re-parses nor allocates.
/// </summary>
public sealed class Marker : IEquatable<Marker>
{
    private string? _text;
    private IReadOnlyList<ExtraName>? _referencedExtras;

    public Marker(MarkerExpression expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        Expression = expression;
    }

    /// <summary>The syntax tree.</summary>
    public MarkerExpression Expression { get; }

    /// <summary>Whether the marker compares the <c>extra</c> variable anywhere; when not, the extra never changes its answer.</summary>
    public bool MentionsExtra => Expression.MentionsExtra;

    /// <summary>The extras the marker tests for with <c>extra == "name"</c>, normalized, distinct and sorted.</summary>
    public IReadOnlyList<ExtraName> ReferencedExtras => _referencedExtras ??= CollectExtras();

    /// <summary>Parses a marker; throws <see cref="MarkerParseException"/> when it is not valid.</summary>
    public static Marker Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var marker, out var error) ? marker : throw error.ToException();
    }

    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out Marker? marker, out MarkerParseError error)
    {
        marker = null;
        if (text is null)
        {
            error = new MarkerParseError(0, "no marker given");
            return false;
        }
        var cursor = new Pep508Cursor(text);
        var expression = MarkerGrammar.ParseFull(ref cursor);
        if (expression is null)
        {
            error = new MarkerParseError(cursor.ErrorColumn, cursor.ErrorMessage!);
            return false;
        }
        error = default;
        marker = new Marker(expression);
        return true;
    }

    /// <summary>Evaluates with the environment's own <c>extra</c>; throws <see cref="MarkerEvaluationException"/> where packaging raises.</summary>
    public bool Evaluate(MarkerEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return Expression.Evaluate(environment, environment.Extra, throwing: true) == Truth.True;
    }

    /// <summary>Evaluates installing <paramref name="extra"/> (none when null), whatever the environment's own <c>extra</c>.</summary>
    public bool Evaluate(MarkerEnvironment environment, ExtraName? extra)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return Expression.Evaluate(environment, MarkerEnvironment.ExtraText(extra), throwing: true) == Truth.True;
    }

    /// <summary>
    /// Whether the dependency is needed when installing a project with <paramref name="extras"/>:
    /// the marker holds with no extra, or with one of them (what pip installs for <c>name[extras]</c>).
    /// </summary>
    public bool EvaluateForExtras(MarkerEnvironment environment, IReadOnlyList<ExtraName> extras)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(extras);
        if (Expression.Evaluate(environment, string.Empty, throwing: true) == Truth.True)
        {
            return true;
        }
        if (MentionsExtra)
        {
            for (var i = 0; i < extras.Count; i++)
            {
                if (Expression.Evaluate(environment, extras[i].Value, throwing: true) == Truth.True)
                {
                    return true;
                }
            }
        }
        return false;
    }

    /// <summary>
    /// As <see cref="Evaluate(MarkerEnvironment, ExtraName?)"/>, but returns false instead of throwing
    /// when the marker cannot be evaluated (no exception is raised inside either).
    /// </summary>
    public bool TryEvaluate(MarkerEnvironment environment, ExtraName? extra, out bool result)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var truth = Expression.Evaluate(environment, MarkerEnvironment.ExtraText(extra), throwing: false);
        result = truth == Truth.True;
        return truth != Truth.Undefined;
    }

    /// <summary>The environments of the set on which the marker holds, installing <paramref name="extra"/> (none when null).</summary>
    public EnvironmentMask Evaluate(MarkerEnvironmentSet environments, ExtraName? extra = null)
    {
        ArgumentNullException.ThrowIfNull(environments);
        var undefined = false;
        return new EnvironmentMask(Expression.Evaluate(environments, MarkerEnvironment.ExtraText(extra), throwing: true, ref undefined));
    }

    /// <summary>
    /// As <see cref="Evaluate(MarkerEnvironmentSet, ExtraName?)"/>, but returns false instead of throwing
    /// when the marker cannot be evaluated on some environment.
    /// </summary>
    public bool TryEvaluate(MarkerEnvironmentSet environments, ExtraName? extra, out EnvironmentMask result)
    {
        ArgumentNullException.ThrowIfNull(environments);
        var undefined = false;
        var mask = Expression.Evaluate(environments, MarkerEnvironment.ExtraText(extra), throwing: false, ref undefined);
        result = undefined ? default : new EnvironmentMask(mask);
        return !undefined;
    }

    /// <summary>The environments on which the dependency is needed for <c>name[extras]</c> (see <see cref="EvaluateForExtras(MarkerEnvironment, IReadOnlyList{ExtraName})"/>).</summary>
    public EnvironmentMask EvaluateForExtras(MarkerEnvironmentSet environments, IReadOnlyList<ExtraName> extras)
    {
        var undefined = false;
        return new EnvironmentMask(EvaluateForExtras(environments, extras, throwing: true, ref undefined));
    }

    /// <summary>
    /// As <see cref="EvaluateForExtras(MarkerEnvironmentSet, IReadOnlyList{ExtraName})"/>, but returns
    /// false instead of throwing when the marker cannot be evaluated (no exception is raised inside either).
    /// </summary>
    public bool TryEvaluateForExtras(MarkerEnvironmentSet environments, IReadOnlyList<ExtraName> extras, out EnvironmentMask result)
    {
        var undefined = false;
        var mask = EvaluateForExtras(environments, extras, throwing: false, ref undefined);
        result = undefined ? default : new EnvironmentMask(mask);
        return !undefined;
    }

    private ulong EvaluateForExtras(MarkerEnvironmentSet environments, IReadOnlyList<ExtraName> extras, bool throwing, ref bool undefined)
    {
        ArgumentNullException.ThrowIfNull(environments);
        ArgumentNullException.ThrowIfNull(extras);
        var mask = Expression.Evaluate(environments, string.Empty, throwing, ref undefined);
        if (MentionsExtra)
        {
            for (var i = 0; i < extras.Count && mask != environments.All.Bits; i++)
            {
                mask |= Expression.Evaluate(environments, extras[i].Value, throwing, ref undefined);
            }
        }
        return mask;
    }

    /// <summary>Both markers: packaging's <c>marker &amp; other</c> (a compound side keeps parentheses).</summary>
    public Marker And(Marker other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new Marker(new MarkerAnd([Expression.Parenthesized(), other.Expression.Parenthesized()]));
    }

    /// <summary>Either marker: packaging's <c>marker | other</c>.</summary>
    public Marker Or(Marker other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new Marker(new MarkerOr([Expression.Parenthesized(), other.Expression.Parenthesized()]));
    }

    /// <summary>packaging 26.3's <c>str(Marker)</c>.</summary>
    public override string ToString() => _text ??= Expression.ToString();

    public bool Equals(Marker? other) => other is not null && string.Equals(ToString(), other.ToString(), StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is Marker other && Equals(other);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToString());

    public static bool operator ==(Marker? left, Marker? right) => left is null ? right is null : left.Equals(right);

    public static bool operator !=(Marker? left, Marker? right) => !(left == right);

    private List<ExtraName> CollectExtras()
    {
        var values = new List<string>();
        Expression.CollectExtras(values);
        var extras = new SortedSet<ExtraName>();
        foreach (var value in values)
        {
            if (ExtraName.TryParse(value, out var name))
            {
                extras.Add(name);
            }
        }
        return [.. extras];
    }
}
