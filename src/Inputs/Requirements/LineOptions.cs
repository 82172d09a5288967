namespace Req2Nix.Inputs.Requirements;

/// <summary>
/// What pip's optparse parser makes of one line's options (its <c>Values</c>): stored values keep the
/// last one, appended ones all in order. Lists are created when first needed.
/// </summary>
internal sealed class LineOptions
{
    public OptionValue? IndexUrl { get; set; }

    public bool NoIndex { get; set; }

    public bool PreferBinary { get; set; }

    public bool RequireHashes { get; set; }

    public bool Pre { get; set; }

    public List<OptionValue>? ExtraIndexUrls { get; set; }

    public List<OptionValue>? Constraints { get; set; }

    public List<OptionValue>? Requirements { get; set; }

    public List<OptionValue>? Editables { get; set; }

    public List<OptionValue>? FindLinks { get; set; }

    public List<OptionValue>? TrustedHosts { get; set; }

    public List<OptionValue>? FeaturesEnabled { get; set; }

    public List<OptionValue>? GlobalOptions { get; set; }

    public List<FormatControlChange>? FormatControl { get; set; }

    /// <summary><c>--hash</c> values split at the first <c>:</c>, in order.</summary>
    public List<(string Algorithm, string Digest, int Offset)>? Hashes { get; set; }

    /// <summary><c>--config-settings KEY=VALUE</c> pairs, in order.</summary>
    public List<(string Key, string Value)>? ConfigSettings { get; set; }

    /// <summary>Words that are not options (optparse's leftover arguments): pip ignores them.</summary>
    public List<OptionValue>? Leftovers { get; set; }

    /// <summary>Which options the line wrote, in order, with the offset of each.</summary>
    public List<(LineOption Option, int Offset)> Written { get; } = [];

    public bool IsEmpty => Written.Count == 0 && Leftovers is null;

    public bool Has(LineOption option)
    {
        foreach (var (written, _) in Written)
        {
            if (written == option)
            {
                return true;
            }
        }
        return false;
    }
}
