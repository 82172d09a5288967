using Microsoft.Win32.SafeHandles;
using Req2Nix.Emit;
using Req2Nix.Packaging.Distributions;
using Req2Nix.Packaging.Hashing;
using Req2Nix.Packaging.Names;
using Req2Nix.Packaging.Pep440;
using Req2Nix.Packaging.Pep508;
using Req2Nix.Packaging.Targets;
using Req2Nix.PyPI;
using Req2Nix.Resolver;

namespace Req2Nix.Cli;

/// <summary>
/// A run's first 80 ms or so are one thread reading the command line and the inputs while the other
/// cores idle, and the resolution then pays for first uses one after the other: the URL parser's
/// tables, loading OpenSSL, the tags and marker environments of each target system, the requirement and
/// filename parsers, the HTTP client (before the first request can leave) and, last, the emitter.
/// This pays for them meanwhile, on a thread of its own, so that the main thread finds them done (or
/// waits for the rest of one under way instead of starting it). It changes no result: everything it
/// makes is either shared and immutable or thrown away.
/// </summary>
internal static class StartupWarmUp
{
    public static void Start(IReadOnlyList<string> args)
    {
        if (Environment.ProcessorCount > 1)
        {
            new Thread(() => WarmUp(WarmUpTargets.From(args))) { IsBackground = true, Name = "req2nix warm-up" }.Start();
        }
    }

    /// <param name="targets">
    /// The interpreter and systems to prepare: only those the run names, as preparing the others
    /// takes a core away from the run's own start-up (a core of two here).
    /// </param>
    internal static void WarmUp(WarmUpTargets targets)
    {
        // The first handle a system call returns (opening a file, a standard stream) is made through
        // Activator, by reflection: the main thread's first open would wait for it.
        using (Activator.CreateInstance<SafeFileHandle>())
        {
        }
        // In the order the main thread needs them: the inputs (read at about 50 ms, hashed), then the
        // index URL (the client), then the targets and filenames (the resolution).
        _ = Requirement.Parse("warm-up[extra]>=1.0,!=1.5.*,<2; python_version >= \"3.8\" and extra == \"test\"");
        _ = Sha256Digest.Compute([]);
        _ = IndexSettings.PyPISimpleUrl;
        foreach (var system in targets.Systems)
        {
            _ = CompatibleTags.For(system, targets.Python.Version);
            _ = MarkerEnvironment.For(system, targets.Python);
        }
        _ = DistributionFilename.TryParse("warm_up-1.0-py3-none-any.whl", project: null, out _);
        _ = DistributionFilename.TryParse("warm_up-1.0.tar.gz", project: null, out _);
        if (!targets.Offline)
        {
            WithoutFailing(() => ClientWarmUp.Run());
        }
        WithoutFailing(() => WriteSample(targets));
    }

    /// <summary>python-packages.nix for <see cref="SampleResolution"/>: the emitter's first uses, paid.</summary>
    internal static string WriteSample(WarmUpTargets targets) => PythonPackagesFile.Write(SampleResolution(targets), new EmitOptions
    {
        Inputs = [new EmitInput("requirements.txt", Sha256Digest.Compute([]))],
        Command = "req2nix requirements.txt",
    });

    /// <summary>
    /// Two packages, a dependency between them, wheels and an sdist, build requirements and import
    /// names: what python-packages.nix is written from, so that writing the run's own pays less for
    /// first uses (it is the run's last step, on one core while the other idles).
    /// </summary>
    private static Resolution SampleResolution(WarmUpTargets targets)
    {
        var systems = SystemSet.Of(targets.Systems);
        var digest = Sha256Digest.Compute([1]);
        var app = PackageName.Parse("warm-up");
        var library = PackageName.Parse("warm-up-library");
        return new Resolution(new ResolutionTarget(targets.Python, systems), [
            new ResolvedPackage(app, Pep440Version.Parse("1.0"))
            {
                Files = [
                    new ResolvedFile("warm_up-1.0.tar.gz", "https://warm-up.invalid/packages/warm_up-1.0.tar.gz", digest),
                    new ResolvedFile("warm_up-1.0-py3-none-any.whl", "https://warm-up.invalid/packages/warm_up-1.0-py3-none-any.whl", digest),
                ],
                Dependencies = [new ResolvedDependency(library, systems)],
                Systems = systems,
                RequiresPython = ">=3.8",
                BuildRequires = [Requirement.Parse("setuptools>=61")],
                TopLevelModules = ["warm_up"],
            },
            new ResolvedPackage(library, Pep440Version.Parse("2.0"))
            {
                Files = [new ResolvedFile("warm_up_library-2.0.tar.gz", "https://warm-up.invalid/packages/warm_up_library-2.0.tar.gz", digest)],
                Systems = systems,
                BuildRequires = [Requirement.Parse("setuptools"), Requirement.Parse("wheel")],
                TopLevelModules = ["warm_up_library"],
            },
        ])
        {
            Roots = [new ResolvedDependency(app, systems)],
        };
    }

    /// <summary>
    /// Runs a warm-up that goes through much of a component (the client, the emitter) and swallows
    /// its failure: warming up changes no result, so it must not end the run, which an exception on
    /// this thread would. The run's own first use then pays for what was not warmed.
    /// </summary>
    private static void WithoutFailing(Action warmUp)
    {
        try
        {
            warmUp();
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
        }
    }
}
