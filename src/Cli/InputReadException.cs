namespace Req2Nix.Cli;

/// <summary>An input file that cannot be read at all (missing, a directory, no permission): exit code 2.</summary>
public sealed class InputReadException(string path, string reason) : Exception($"{path}: cannot read: {reason}");
