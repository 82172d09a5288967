namespace Req2Nix.Inputs.Requirements;

/// <summary>
/// optparse as pip 23.2.1 configures it for one requirements-file line: long options by unambiguous
/// prefix (<c>--extra-index</c> is <c>--extra-index-url</c>), <c>--opt=value</c> or <c>--opt value</c>,
/// short options with the value attached or following, <c>--</c> ending the options, other words
/// collected and ignored; then pip's callbacks for <c>--hash</c>, <c>--config-settings</c>,
/// <c>--no-binary</c>/<c>--only-binary</c> and the <c>--use-feature</c> choices.
/// </summary>
internal static class LineOptionParser
{
    private static readonly string[] StrongHashes = ["sha256", "sha384", "sha512"];

    private static readonly Dictionary<string, LineOptionSpec>.AlternateLookup<ReadOnlySpan<char>> ExactLongNames =
        LineOptionSpec.All.ToDictionary(spec => spec.LongName, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Parses the words; on bad input returns false with the problem and its offset.</summary>
    public static bool TryParse(List<ShellWord> words, LineOptions options, out LineProblem? problem)
    {
        problem = null;
        var i = 0;
        while (i < words.Count)
        {
            var word = words[i];
            var text = word.Span;
            if (text.SequenceEqual("--"))
            {
                for (i++; i < words.Count; i++)
                {
                    (options.Leftovers ??= []).Add(new OptionValue(words[i].Text(), words[i].Offset));
                }
                return true;
            }
            if (text.StartsWith("--"))
            {
                i++;
                var equals = text.IndexOf('=');
                var spec = MatchLong(equals < 0 ? text : text[..equals], word.Offset, out problem);
                if (spec is null)
                {
                    return false;
                }
                var (valueWord, valueFrom) = (word, 0);
                if (spec.TakesValue)
                {
                    if (equals >= 0)
                    {
                        valueFrom = equals + 1;
                    }
                    else if (i < words.Count)
                    {
                        valueWord = words[i++];
                    }
                    else
                    {
                        problem = new LineProblem(word.Offset, $"{spec.LongName} needs a value");
                        return false;
                    }
                }
                else if (equals >= 0)
                {
                    problem = new LineProblem(word.Offset, $"{spec.LongName} does not take a value");
                    return false;
                }
                if (!TryApply(spec, spec.LongName, valueWord, valueFrom, word.Offset, options, out problem))
                {
                    return false;
                }
            }
            else if (text.Length > 1 && text[0] == '-')
            {
                i++;
                var spec = LineOptionSpec.FindShort(text[1]);
                if (spec is null)
                {
                    problem = new LineProblem(word.Offset, $"unknown option -{text[1]}");
                    return false;
                }
                // Every short option here takes a value: the rest of the word, else the next word.
                var (valueWord, valueFrom) = (word, 2);
                if (text.Length == 2)
                {
                    if (i >= words.Count)
                    {
                        problem = new LineProblem(word.Offset, $"-{text[1]} needs a value");
                        return false;
                    }
                    (valueWord, valueFrom) = (words[i++], 0);
                }
                if (!TryApply(spec, "-" + text[1], valueWord, valueFrom, word.Offset, options, out problem))
                {
                    return false;
                }
            }
            else
            {
                (options.Leftovers ??= []).Add(new OptionValue(word.Text(), word.Offset));
                i++;
            }
        }
        return true;
    }

    /// <summary>optparse's <c>_match_abbrev</c>: an exact long name, else the only one it is a prefix of.</summary>
    private static LineOptionSpec? MatchLong(ReadOnlySpan<char> name, int offset, out LineProblem? problem)
    {
        problem = null;
        if (ExactLongNames.TryGetValue(name, out var exact))
        {
            return exact;
        }
        LineOptionSpec? only = null;
        var candidates = 0;
        foreach (var spec in LineOptionSpec.ByLongName)
        {
            if (spec.LongName.AsSpan().StartsWith(name))
            {
                only = spec;
                candidates++;
            }
        }
        if (candidates == 1)
        {
            return only;
        }
        var written = name.ToString();
        if (candidates == 0)
        {
            problem = new LineProblem(offset, $"unknown option {written}");
            return null;
        }
        var possible = LineOptionSpec.ByLongName.Where(spec => spec.LongName.StartsWith(written, StringComparison.Ordinal)).Select(spec => spec.LongName);
        problem = new LineProblem(offset, $"ambiguous option {written} (could be {string.Join(", ", possible)})");
        return null;
    }

    /// <summary>Records one option; its value (for options that take one) is <paramref name="valueWord"/> from <paramref name="valueFrom"/> on.</summary>
    private static bool TryApply(LineOptionSpec spec, string written, ShellWord valueWord, int valueFrom, int offset, LineOptions options, out LineProblem? problem)
    {
        problem = null;
        options.Record(spec.Option, offset);
        switch (spec.Option)
        {
            case LineOption.NoIndex:
                options.NoIndex = true;
                return true;
            case LineOption.PreferBinary:
                options.PreferBinary = true;
                return true;
            case LineOption.RequireHashes:
                options.RequireHashes = true;
                return true;
            case LineOption.Pre:
                options.Pre = true;
                return true;
            case LineOption.Hashes:
                return TryAddHash(written, valueWord, valueFrom, offset, options, out problem);
        }
        var located = new OptionValue(valueWord.Text(valueFrom), offset);
        switch (spec.Option)
        {
            case LineOption.IndexUrl:
                options.IndexUrl = located;
                break;
            case LineOption.ExtraIndexUrls:
                (options.ExtraIndexUrls ??= []).Add(located);
                break;
            case LineOption.Constraints:
                (options.Constraints ??= []).Add(located);
                break;
            case LineOption.Requirements:
                (options.Requirements ??= []).Add(located);
                break;
            case LineOption.Editables:
                (options.Editables ??= []).Add(located);
                break;
            case LineOption.FindLinks:
                (options.FindLinks ??= []).Add(located);
                break;
            case LineOption.TrustedHosts:
                (options.TrustedHosts ??= []).Add(located);
                break;
            case LineOption.GlobalOptions:
                (options.GlobalOptions ??= []).Add(located);
                break;
            case LineOption.FeaturesEnabled:
                if (Array.IndexOf(spec.Choices!, located.Text) < 0)
                {
                    problem = new LineProblem(offset, $"{written}: invalid choice '{located.Text}' (choose from {string.Join(", ", spec.Choices!.Select(c => $"'{c}'"))})");
                    return false;
                }
                (options.FeaturesEnabled ??= []).Add(located);
                break;
            case LineOption.NoBinary or LineOption.OnlyBinary:
                if (located.Text.StartsWith('-'))
                {
                    problem = new LineProblem(offset, $"{written} needs a value: names separated by commas, :all: or :none:");
                    return false;
                }
                var which = spec.Option == LineOption.NoBinary ? BinaryFormatOption.NoBinary : BinaryFormatOption.OnlyBinary;
                (options.FormatControl ??= []).Add(new FormatControlChange(which, located.Text));
                break;
            case LineOption.ConfigSettings:
                var separator = located.Text.IndexOf('=', StringComparison.Ordinal);
                if (separator < 0)
                {
                    problem = new LineProblem(offset, $"{written} needs a value of the form KEY=VALUE");
                    return false;
                }
                (options.ConfigSettings ??= []).Add((located.Text[..separator], located.Text[(separator + 1)..]));
                break;
            default:
                throw new InvalidOperationException($"no handler for {spec.Option}");
        }
        return true;
    }

    /// <summary>pip's <c>_handle_merge_hash</c>: <c>algorithm:digest</c>, the algorithm one of the strong ones.</summary>
    private static bool TryAddHash(string written, ShellWord valueWord, int valueFrom, int offset, LineOptions options, out LineProblem? problem)
    {
        problem = null;
        var value = valueWord.Span[valueFrom..];
        var colon = value.IndexOf(':');
        if (colon < 0)
        {
            problem = new LineProblem(offset, $"{written} needs a hash name and a value, like --hash=sha256:<hex digest>");
            return false;
        }
        string? algorithm = null;
        foreach (var name in StrongHashes)
        {
            if (value[..colon].SequenceEqual(name))
            {
                algorithm = name;
            }
        }
        if (algorithm is null)
        {
            problem = new LineProblem(offset, $"{written}: the hash algorithm '{value[..colon]}' is not allowed; use sha256, sha384 or sha512");
            return false;
        }
        options.AddHash(algorithm, valueWord.Text(valueFrom + colon + 1), offset);
        return true;
    }
}

/// <summary>What is wrong with a line and the offset in it where the problem is.</summary>
internal sealed record LineProblem(int Offset, string Reason);
