using Req2Nix.Resolver.Tests.Differential;
using Xunit.Abstractions;

namespace Req2Nix.Resolver.Tests.Classic;

/// <summary>pip 23.2 itself, run on each classic case (a folder of tiny wheels), gives the outcome the case records.</summary>
public class ClassicCasePipTests
{
    private readonly ITestOutputHelper _output;

    public ClassicCasePipTests(ITestOutputHelper output)
    {
        _output = output;
    }

    public static TheoryData<string> Names() => [.. ClassicCases.All.Select(c => c.Name)];

    [PipTheory]
    [MemberData(nameof(Names))]
    public void Pip_decides_what_the_case_records(string name)
    {
        var classic = ClassicCases.Get(name);
        var folder = Directory.CreateTempSubdirectory("req2nix-classic-").FullName;
        try
        {
            WheelFolderWriter.Write(classic.Releases, Path.Combine(folder, "simple"));
            var requirements = Path.Combine(folder, "requirements.txt");
            File.WriteAllLines(requirements, classic.Requested);
            var outcome = PipRunner.Install(new Uri(Path.Combine(folder, "simple") + "/").ToString(), requirements, null, classic.PipArguments);
            _output.WriteLine(outcome.Resolved ? string.Join(' ', outcome.Pins) : outcome.Diagnostics);
            if (classic.ExpectedPins is null)
            {
                Assert.False(outcome.Resolved, $"pip pins {string.Join(' ', outcome.Pins)}");
            }
            else
            {
                Assert.True(outcome.Resolved, outcome.Diagnostics);
                Assert.Equal(classic.ExpectedPins, outcome.Pins);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
