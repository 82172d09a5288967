using System.Text.Json;

namespace Req2Nix.Cli.Tests;

/// <summary>
/// The runtime settings the tool's run time depends on (Req2Nix.Cli.csproj says why each is
/// there), as the build writes them into req2nix.runtimeconfig.json.
/// </summary>
public sealed class RuntimeSettingsTests
{
    [Theory]
    [InlineData("System.Runtime.TieredPGO", false)]
    [InlineData("System.Runtime.EnableWriteXorExecute", false)]
    [InlineData("System.Diagnostics.Tracing.EventSource.IsSupported", false)]
    [InlineData("System.IO.DisableFileLocking", true)]
    public void The_settings_are_in_the_built_runtime_configuration(string setting, bool value)
    {
        using var config = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "req2nix.runtimeconfig.json")));
        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        Assert.Equal(value ? JsonValueKind.True : JsonValueKind.False, properties.GetProperty(setting).ValueKind);
    }
}
