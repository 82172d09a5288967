using Req2Nix.Inputs.Requirements;

namespace Req2Nix.Inputs.Tests.Requirements;

/// <summary>Reads requirements text from an in-memory project at <see cref="InMemoryFileSystem.WorkingDirectory"/>.</summary>
internal static class RequirementsTestFiles
{
    public static RequirementsFile Read(string text, IReadOnlyDictionary<string, string>? environment = null) =>
        Read(new InMemoryFileSystem().Add("requirements.txt", text), environment);

    public static RequirementsFile Read(InMemoryFileSystem files, IReadOnlyDictionary<string, string>? environment = null) =>
        RequirementsFile.Read("requirements.txt", files.Options(environment));

    public static RequirementEntry Single(string text, IReadOnlyDictionary<string, string>? environment = null) =>
        Assert.IsType<RequirementEntry>(Assert.Single(Read(text, environment).Entries));

    public static RequirementsFileException Rejected(string text, IReadOnlyDictionary<string, string>? environment = null) =>
        Assert.Throws<RequirementsFileException>(() => Read(text, environment));

    public static RequirementsFileException Rejected(InMemoryFileSystem files) =>
        Assert.Throws<RequirementsFileException>(() => Read(files));
}
