using Req2Nix.Inputs.Toml;

namespace Req2Nix.Inputs.Tests.Toml;

/// <summary>The typed accessors the lock readers use, and the errors they give.</summary>
public sealed class TomlAccessorTests
{
    private const string Lock = """
        [[package]]
        name = "requests"
        version = 2
        groups = ["main", 3]
        optional = false

        [package.dependencies]
        idna = ">=2.5"
        urllib3 = {version = ">=1.21.1", markers = "python_version >= '3.8'"}

        [metadata]
        lock-version = "2.1"
        """;

    private static readonly TomlTable Document = TomlReader.Parse(Lock, "poetry.lock");

    private static TomlTable Package => Document.GetTableArray("package")[0];

    [Fact]
    public void Present_values_of_the_right_type_are_returned()
    {
        Assert.Equal("requests", Package.GetString("name"));
        Assert.False(Package.GetBoolean("optional"));
        Assert.False(Package.GetOptionalBoolean("optional"));
        Assert.Equal("2.1", Document.GetTable("metadata").GetString("lock-version"));
        Assert.Equal(">=2.5", Package.GetTable("dependencies").GetString("idna"));
        Assert.Equal("main", Package.GetArray("groups").GetString(0));
    }

    [Fact]
    public void Absent_optional_values_are_null()
    {
        Assert.Null(Package.GetOptionalString("category"));
        Assert.Null(Package.GetOptionalTable("extras"));
        Assert.Null(Package.GetOptionalArray("files"));
        Assert.Null(Package.GetOptionalTableArray("files"));
        Assert.Null(Package.GetOptionalStringArray("files"));
        Assert.Null(Package.GetOptionalInteger("size"));
        Assert.Null(Package.GetOptionalFloat("size"));
        Assert.Null(Package.GetOptionalDateTime("date"));
        Assert.Null(Package.GetOptional<TomlValue>("anything"));
        Assert.False(Package.TryGetValue("description", out _));
    }

    [Fact]
    public void A_missing_required_key_points_at_its_table()
    {
        var error = Assert.Throws<TomlException>(() => Package.GetString("description"));

        Assert.Equal("poetry.lock:1:1: missing required key 'description'", error.Message);
    }

    [Fact]
    public void A_value_of_the_wrong_type_is_named_and_pointed_at()
    {
        var error = Assert.Throws<TomlException>(() => Package.GetString("version"));

        Assert.Equal("poetry.lock:3:11: 'version' must be a string, not an integer", error.Message);
        Assert.Throws<TomlException>(() => Package.GetOptionalString("version"));
    }

    [Fact]
    public void An_item_of_the_wrong_type_is_pointed_at()
    {
        var error = Assert.Throws<TomlException>(() => Package.GetStringArray("groups"));

        Assert.Equal("poetry.lock:4:19: each item of 'groups' must be a string, not an integer", error.Message);
        var itemError = Assert.Throws<TomlException>(() => Package.GetArray("groups").GetTable(1));
        Assert.Equal("poetry.lock:4:19: array item must be a table, not an integer", itemError.Message);
    }

    [Fact]
    public void Inline_and_header_tables_are_both_tables_and_describe_themselves()
    {
        var dependencies = Package.GetTable("dependencies");

        var urllib3 = dependencies.GetTable("urllib3");
        Assert.True(urllib3.IsInline);
        Assert.Equal("python_version >= '3.8'", urllib3.GetString("markers"));
        var error = Assert.Throws<TomlException>(() => dependencies.GetArray("urllib3"));
        Assert.Equal("poetry.lock:9:11: 'urllib3' must be an array, not an inline table", error.Message);
    }

    [Fact]
    public void Readers_raise_their_own_errors_at_any_value()
    {
        var version = Package.GetValue("version");

        var error = version.CreateError("dependency version must be a string");

        Assert.Equal("poetry.lock:3:11: dependency version must be a string", error.Message);
        Assert.Equal(("poetry.lock", 3, 11), (error.SourceName, error.Line, error.Column));
    }

    [Fact]
    public void Entries_carry_key_positions_and_deconstruct()
    {
        var dependencies = Package.GetTable("dependencies");

        Assert.True(dependencies.TryGetEntry("urllib3", out var entry));
        Assert.Equal(new TomlPosition(9, 1, "poetry.lock"), entry.KeyPosition);
        var names = new List<string>();
        foreach (var (name, value) in dependencies)
        {
            names.Add($"{name}:{value.Kind}");
        }
        Assert.Equal(["idna:String", "urllib3:Table"], names);
    }

    [Fact]
    public void Table_positions_are_their_headers()
    {
        Assert.Equal(new TomlPosition(1, 1, "poetry.lock"), Package.Position);
        Assert.Equal(new TomlPosition(7, 1, "poetry.lock"), Package.GetTable("dependencies").Position);
        Assert.Equal(new TomlPosition(11, 1, "poetry.lock"), Document.GetTable("metadata").Position);
    }

    [Fact]
    public void An_implicit_table_takes_the_position_of_its_header_once_defined()
    {
        var document = TomlReader.Parse("[a.b]\n[a]\n");

        Assert.Equal(new TomlPosition(2, 1), document.GetTable("a").Position);
        Assert.True(document.TryGetEntry("a", out var entry));
        Assert.Equal(new TomlPosition(1, 2), entry.KeyPosition);
    }

    [Fact]
    public void The_indexer_requires_the_key()
    {
        Assert.Equal(TomlValueKind.String, Package["name"].Kind);
        Assert.Throws<TomlException>(() => Package["nope"]);
        Assert.Throws<ArgumentOutOfRangeException>(() => Package.GetArray("groups")[2]);
    }
}
