namespace Req2Nix.Packaging.Distributions;

/// <summary>The two kinds of distribution files an index serves that req2nix can use.</summary>
public enum DistributionKind
{
    /// <summary>A built distribution, <c>.whl</c> (PEP 427).</summary>
    Wheel,

    /// <summary>A source distribution: <c>.tar.gz</c> (PEP 625) or a legacy archive.</summary>
    Sdist,
}
