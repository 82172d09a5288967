using System.Diagnostics.CodeAnalysis;

namespace Req2Nix.Packaging.Targets;

/// <summary>
/// One of the four systems a flake's outputs are usually built for, with what CPython reports
/// to PEP 508 markers there and the Nix condition that selects it. The set is closed: compare
/// instances by reference or name.
/// </summary>
public sealed class NixSystem
{
    private const string HostPlatform = "stdenv.hostPlatform";

    private NixSystem(string name, bool isLinux, string machine, string nixCpu)
    {
        Name = name;
        IsLinux = isLinux;
        PlatformMachine = machine;
        NixKernelPredicate = isLinux ? $"{HostPlatform}.isLinux" : $"{HostPlatform}.isDarwin";
        NixCpuPredicate = $"{HostPlatform}.{nixCpu}";
    }

    public static NixSystem LinuxX64 { get; } = new("x86_64-linux", isLinux: true, "x86_64", "isx86_64");

    public static NixSystem LinuxArm64 { get; } = new("aarch64-linux", isLinux: true, "aarch64", "isAarch64");

    public static NixSystem DarwinX64 { get; } = new("x86_64-darwin", isLinux: false, "x86_64", "isx86_64");

    public static NixSystem DarwinArm64 { get; } = new("aarch64-darwin", isLinux: false, "arm64", "isAarch64");

    /// <summary>The four systems, Linux first, each kernel's x86_64 before its ARM.</summary>
    public static IReadOnlyList<NixSystem> All { get; } = [LinuxX64, LinuxArm64, DarwinX64, DarwinArm64];

    /// <summary>The Nix name: <c>x86_64-linux</c>, <c>aarch64-darwin</c>.</summary>
    public string Name { get; }

    public bool IsLinux { get; }

    public bool IsDarwin => !IsLinux;

    /// <summary>PEP 508 <c>os_name</c>: <c>posix</c> on all four.</summary>
    public string OsName { get; } = "posix";

    /// <summary>PEP 508 <c>sys_platform</c>: <c>linux</c> or <c>darwin</c>.</summary>
    public string SysPlatform => IsLinux ? "linux" : "darwin";

    /// <summary>PEP 508 <c>platform_system</c>: <c>Linux</c> or <c>Darwin</c>.</summary>
    public string PlatformSystem => IsLinux ? "Linux" : "Darwin";

    /// <summary>
    /// PEP 508 <c>platform_machine</c>, which is also the architecture in wheel platform tags:
    /// <c>x86_64</c>; <c>aarch64</c> on Linux but <c>arm64</c> on macOS.
    /// </summary>
    public string PlatformMachine { get; }

    /// <summary>The Nix condition true on this system's kernel: <c>stdenv.hostPlatform.isLinux</c> or <c>…isDarwin</c>.</summary>
    public string NixKernelPredicate { get; }

    /// <summary>The Nix condition true on this system's CPU: <c>stdenv.hostPlatform.isx86_64</c> or <c>…isAarch64</c>.</summary>
    public string NixCpuPredicate { get; }

    /// <summary>The Nix condition true on exactly this system, for <c>lib.optionals</c>; it expects <c>stdenv</c> in scope.</summary>
    public string NixPredicate => $"{NixKernelPredicate} && {NixCpuPredicate}";

    /// <summary>Finds a system by its Nix name; throws <see cref="InvalidTargetException"/> for any other text.</summary>
    public static NixSystem Parse(string name) =>
        TryParse(name, out var system)
            ? system
            : throw new InvalidTargetException(
                $"'{name}' is not a supported Nix system; expected one of {string.Join(", ", All.Select(s => s.Name))}",
                1);

    public static bool TryParse(string? name, [NotNullWhen(true)] out NixSystem? system)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.Name, name, StringComparison.Ordinal))
            {
                system = candidate;
                return true;
            }
        }
        system = null;
        return false;
    }

    public override string ToString() => Name;
}
