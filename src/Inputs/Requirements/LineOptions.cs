namespace Req2Nix.Inputs.Requirements;

/// <summary>
/// What pip's optparse parser makes of one line's options (its <c>Values</c>): stored values keep the
/// last one, appended ones all in order. Lists are created when first needed; one instance serves
/// every line of a read (<see cref="Reset"/>), reusing its buffers for hashes and written options.
/// </summary>
internal sealed class LineOptions
{
    private List<(string Algorithm, string Digest, int Offset)>? _hashBuffer;
    private List<(LineOption Option, int Offset)>? _written;

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

    /// <summary><c>--hash</c> values split at the first <c>:</c>, in order; null when there are none.</summary>
    public List<(string Algorithm, string Digest, int Offset)>? Hashes { get; private set; }

    /// <summary><c>--config-settings KEY=VALUE</c> pairs, in order.</summary>
    public List<(string Key, string Value)>? ConfigSettings { get; set; }

    /// <summary>Words that are not options (optparse's leftover arguments): pip ignores them.</summary>
    public List<OptionValue>? Leftovers { get; set; }

    /// <summary>Which options the line wrote, in order, with the offset of each.</summary>
    public IReadOnlyList<(LineOption Option, int Offset)> Written => _written ?? [];

    public void Record(LineOption option, int offset) => (_written ??= []).Add((option, offset));

    public void AddHash(string algorithm, string digest, int offset) => (Hashes ??= _hashBuffer ??= []).Add((algorithm, digest, offset));

    /// <summary>Forgets the previous line; lists handed out (format control, values) stay with whoever holds them.</summary>
    public void Reset()
    {
        IndexUrl = null;
        NoIndex = PreferBinary = RequireHashes = Pre = false;
        ExtraIndexUrls = Constraints = Requirements = Editables = FindLinks = TrustedHosts = FeaturesEnabled = GlobalOptions = Leftovers = null;
        FormatControl = null;
        ConfigSettings = null;
        Hashes = null;
        _hashBuffer?.Clear();
        _written?.Clear();
    }
}
