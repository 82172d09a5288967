using Req2Nix.Inputs.Requirements;

namespace Req2Nix.Inputs.Tests.Requirements;

/// <summary><c>-r</c> and <c>-c</c>: depth-first, relative to the including file, constraint flags as pip sets them, cycles and missing files.</summary>
public sealed class RequirementsIncludeTests
{
    [Fact]
    public void Includes_are_read_depth_first_relative_to_the_including_file()
    {
        var files = new InMemoryFileSystem()
            .Add("requirements.txt", "-r sub/base.txt\ntop\n")
            .Add("sub/base.txt", "base\n--requirement=deeper/extra.txt\n")
            .Add("sub/deeper/extra.txt", "extra\n-r ../leaf.txt\n")
            .Add("sub/leaf.txt", "leaf\n");

        var read = RequirementsTestFiles.Read(files);

        var shape = read.Entries.Select(entry => entry switch
        {
            IncludeEntry include => $"{include.Location.File}:{include.Location.Line} -r {include.TargetAsWritten} => {include.TargetPath}",
            RequirementEntry requirement => $"{requirement.Location.File}:{requirement.Location.Line} {requirement.Name}",
            _ => entry.ToString()!,
        });
        Assert.Equal(
            [
                "requirements.txt:1 -r sub/base.txt => /project/sub/base.txt",
                "sub/base.txt:1 base",
                "sub/base.txt:2 -r deeper/extra.txt => /project/sub/deeper/extra.txt",
                "sub/deeper/extra.txt:1 extra",
                "sub/deeper/extra.txt:2 -r ../leaf.txt => /project/sub/leaf.txt",
                "sub/leaf.txt:1 leaf",
                "requirements.txt:2 top",
            ],
            shape);
        Assert.Equal(["/project/requirements.txt", "/project/sub/base.txt", "/project/sub/deeper/extra.txt", "/project/sub/leaf.txt"], read.FilesRead);
    }

    [Fact]
    public void Constraint_files_mark_their_requirements_and_an_r_inside_one_clears_the_mark_as_in_pip()
    {
        var files = new InMemoryFileSystem()
            .Add("requirements.txt", "-c constraints.txt\n--constraint=constraints.txt\nplain\n")
            .Add("constraints.txt", "pinned==1.0\n-r more.txt\n")
            .Add("more.txt", "more\n");

        var read = RequirementsTestFiles.Read(files);

        var flags = read.Entries.OfType<RequirementEntry>().Select(entry => $"{entry.Name}:{entry.Constraint}").ToArray();
        Assert.Equal(["pinned:True", "more:False", "pinned:True", "more:False", "plain:False"], flags);
        Assert.Equal([IncludeKind.Constraints, IncludeKind.Requirements, IncludeKind.Constraints, IncludeKind.Requirements], read.Entries.OfType<IncludeEntry>().Select(include => include.Kind));
    }

    [Fact]
    public void A_file_included_twice_is_read_twice_but_listed_once()
    {
        var files = new InMemoryFileSystem().Add("requirements.txt", "-r a.txt\n-r a.txt\n").Add("a.txt", "six\n");

        var read = RequirementsTestFiles.Read(files);

        Assert.Equal(2, read.Entries.OfType<RequirementEntry>().Count());
        Assert.Equal(["/project/requirements.txt", "/project/a.txt"], read.FilesRead);
    }

    [Fact]
    public void An_include_cycle_is_an_error_that_shows_the_chain()
    {
        var files = new InMemoryFileSystem()
            .Add("requirements.txt", "-r a.txt\n")
            .Add("a.txt", "six\n-r sub/b.txt\n")
            .Add("sub/b.txt", "# back up\n-r ../a.txt\n");

        var error = RequirementsTestFiles.Rejected(files);

        Assert.Equal("sub/b.txt:2:4: include cycle: a.txt -> sub/b.txt -> a.txt", error.Message);
    }

    [Fact]
    public void A_file_including_itself_is_a_cycle()
    {
        var error = RequirementsTestFiles.Rejected("six\n-r ./requirements.txt\n");

        Assert.Equal("requirements.txt:2:4: include cycle: requirements.txt -> requirements.txt", error.Message);
    }

    [Fact]
    public void A_missing_include_is_an_error_at_the_including_line()
    {
        var error = RequirementsTestFiles.Rejected("good-pkg\n-r does-not-exist.txt\n");

        Assert.Equal("requirements.txt:2:4: could not open requirements file does-not-exist.txt: no such file", error.Message);
    }

    [Fact]
    public void A_missing_top_level_file_names_the_file()
    {
        var error = Assert.Throws<RequirementsFileException>(() => RequirementsFile.Read("absent.txt", new InMemoryFileSystem().Options()));

        Assert.Equal("absent.txt: could not open requirements file absent.txt: no such file", error.Message);
    }

    [Fact]
    public void Includes_over_the_network_are_refused_and_file_urls_are_read()
    {
        var refused = RequirementsTestFiles.Rejected("-r https://example.invalid/requirements.txt\n");
        var files = new InMemoryFileSystem().Add("requirements.txt", "-r file:///elsewhere/more%20reqs.txt\n").Add("/elsewhere/more reqs.txt", "six\n");

        var read = RequirementsTestFiles.Read(files);

        Assert.Equal("requirements.txt:1:4: req2nix does not fetch requirements files over the network (https://example.invalid/requirements.txt); download it and include the local copy", refused.Message);
        Assert.Equal("six", read.Entries.OfType<RequirementEntry>().Single().Name);
        Assert.Equal("/elsewhere/more reqs.txt", read.Entries.OfType<RequirementEntry>().Single().Location.File);
    }

    [Fact]
    public void Only_the_first_include_of_a_line_counts_and_its_other_options_are_ignored()
    {
        var files = new InMemoryFileSystem().Add("requirements.txt", "-r a.txt -r b.txt --pre\n").Add("a.txt", "six\n").Add("b.txt", "seven\n");

        var read = RequirementsTestFiles.Read(files);

        Assert.Equal(["six"], read.Entries.OfType<RequirementEntry>().Select(entry => entry.Name));
        Assert.Equal(
            ["requirements.txt:1:19: warning: --pre has no effect on an include line; pip ignores it", "requirements.txt:1:4: warning: only the first -r or -c of a line counts; pip ignores the others"],
            read.Warnings.Select(warning => warning.ToString()));
    }

    [Fact]
    public void An_include_tree_that_explodes_is_stopped()
    {
        var files = new InMemoryFileSystem().Add("requirements.txt", "-r 0.txt\n");
        for (var level = 0; level < 20; level++)
        {
            files.Add($"{level}.txt", $"-r {level + 1}.txt\n-r {level + 1}.txt\n");
        }
        files.Add("20.txt", "six\n");

        var error = RequirementsTestFiles.Rejected(files);

        Assert.EndsWith("the include tree opens more than 10000 files", error.Message, StringComparison.Ordinal);
        Assert.True(files.Reads <= 10_001);
    }
}
