using System.Text.Json;

namespace Req2Nix.Cli.Tests;

/// <summary>
/// The runtime settings the tool's start-up time depends on (Req2Nix.Cli.csproj says why each is
/// there), as the build writes them into req2nix.runtimeconfig.json.
/// </summary>
public sealed class RuntimeSettingsTests
{
    [Theory]
    [InlineData("System.Runtime.TieredPGO")]
    [InlineData("System.Runtime.EnableWriteXorExecute")]
    [InlineData("System.Diagnostics.Tracing.EventSource.IsSupported")]
    public void The_start_up_settings_are_off_in_the_built_runtime_configuration(string setting)
    {
        using var config = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "req2nix.runtimeconfig.json")));
        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        Assert.Equal(JsonValueKind.False, properties.GetProperty(setting).ValueKind);
    }
}
