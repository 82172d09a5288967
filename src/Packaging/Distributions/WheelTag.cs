namespace Req2Nix.Packaging.Distributions;

/// <summary>
/// One compatibility tag (PEP 425): the Python implementation and version the wheel needs
/// (<c>cp311</c>, <c>py3</c>), the ABI (<c>cp311</c>, <c>abi3</c>, <c>none</c>) and the platform
/// (<c>manylinux_2_17_x86_64</c>, <c>macosx_11_0_arm64</c>, <c>any</c>). Always lower-case.
/// </summary>
public readonly record struct WheelTag(string Interpreter, string Abi, string Platform)
{
    /// <summary>The tag as a wheel filename writes it: <c>cp311-cp311-manylinux_2_17_x86_64</c>.</summary>
    public override string ToString() => $"{Interpreter}-{Abi}-{Platform}";
}
