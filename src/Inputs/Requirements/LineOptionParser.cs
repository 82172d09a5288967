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

    /// <summary>Parses the words; on bad input returns false with the problem and its offset.</summary>
    public static bool TryParse(List<ShellWord> words, LineOptions options, out LineProblem? problem)
    {
        problem = null;
        var i = 0;
        while (i < words.Count)
        {
            var word = words[i];
            var text = word.Text;
            if (text == "--")
            {
                for (i++; i < words.Count; i++)
                {
                    (options.Leftovers ??= []).Add(new OptionValue(words[i].Text, words[i].Offset));
                }
                return true;
            }
            if (text.StartsWith("--", StringComparison.Ordinal))
            {
                i++;
                var equals = text.IndexOf('=', StringComparison.Ordinal);
                var name = equals < 0 ? text : text[..equals];
                var spec = MatchLong(name, word.Offset, out problem);
                if (spec is null)
                {
                    return false;
                }
                string? value = null;
                if (spec.TakesValue)
                {
                    if (equals >= 0)
                    {
                        value = text[(equals + 1)..];
                    }
                    else if (i < words.Count)
                    {
                        value = words[i++].Text;
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
                if (!TryApply(spec, spec.LongName, value, word.Offset, options, out problem))
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
                string value;
                if (text.Length > 2)
                {
                    value = text[2..];
                }
                else if (i < words.Count)
                {
                    value = words[i++].Text;
                }
                else
                {
                    problem = new LineProblem(word.Offset, $"-{text[1]} needs a value");
                    return false;
                }
                if (!TryApply(spec, "-" + text[1], value, word.Offset, options, out problem))
                {
                    return false;
                }
            }
            else
            {
                (options.Leftovers ??= []).Add(new OptionValue(text, word.Offset));
                i++;
            }
        }
        return true;
    }

    /// <summary>optparse's <c>_match_abbrev</c>: an exact long name, else the only one it is a prefix of.</summary>
    private static LineOptionSpec? MatchLong(string name, int offset, out LineProblem? problem)
    {
        problem = null;
        LineOptionSpec? only = null;
        var candidates = 0;
        foreach (var spec in LineOptionSpec.ByLongName)
        {
            if (spec.LongName == name)
            {
                return spec;
            }
            if (spec.LongName.StartsWith(name, StringComparison.Ordinal))
            {
                only = spec;
                candidates++;
            }
        }
        if (candidates == 1)
        {
            return only;
        }
        if (candidates == 0)
        {
            problem = new LineProblem(offset, $"unknown option {name}");
            return null;
        }
        var possible = LineOptionSpec.ByLongName.Where(spec => spec.LongName.StartsWith(name, StringComparison.Ordinal)).Select(spec => spec.LongName);
        problem = new LineProblem(offset, $"ambiguous option {name} (could be {string.Join(", ", possible)})");
        return null;
    }

    private static bool TryApply(LineOptionSpec spec, string written, string? value, int offset, LineOptions options, out LineProblem? problem)
    {
        problem = null;
        options.Written.Add((spec.Option, offset));
        var located = new OptionValue(value ?? string.Empty, offset);
        switch (spec.Option)
        {
            case LineOption.IndexUrl:
                options.IndexUrl = located;
                break;
            case LineOption.NoIndex:
                options.NoIndex = true;
                break;
            case LineOption.PreferBinary:
                options.PreferBinary = true;
                break;
            case LineOption.RequireHashes:
                options.RequireHashes = true;
                break;
            case LineOption.Pre:
                options.Pre = true;
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
            case LineOption.Hashes:
                var colon = located.Text.IndexOf(':', StringComparison.Ordinal);
                if (colon < 0)
                {
                    problem = new LineProblem(offset, $"{written} needs a hash name and a value, like --hash=sha256:<hex digest>");
                    return false;
                }
                var algorithm = located.Text[..colon];
                if (Array.IndexOf(StrongHashes, algorithm) < 0)
                {
                    problem = new LineProblem(offset, $"{written}: the hash algorithm '{algorithm}' is not allowed; use sha256, sha384 or sha512");
                    return false;
                }
                (options.Hashes ??= []).Add((algorithm, located.Text[(colon + 1)..], offset));
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
}

/// <summary>What is wrong with a line and the offset in it where the problem is.</summary>
internal sealed record LineProblem(int Offset, string Reason);
