namespace Req2Nix.Inputs.Toml;

/// <summary>
/// TOML 1.0's rules on where keys and tables may be defined: no key twice, no table header twice,
/// dotted keys never reopen a table that has its own header, headers never define a table that dotted
/// keys made, inline tables and static arrays never grow, <c>[[x]]</c> only extends arrays of tables.
/// </summary>
internal static class TomlTableRules
{
    /// <summary>The table a <c>[key]</c> header defines; creates the tables on its way.</summary>
    public static TomlTable DefineTable(TomlTable root, ReadOnlySpan<TomlKeySegment> key, TomlPosition header)
    {
        var parent = WalkHeaderPath(root, key, isArrayOfTables: false);
        var last = key[^1];
        var index = parent.IndexOf(last.Name);
        if (index < 0)
        {
            var table = new TomlTable(header, TomlTableOrigin.Header);
            parent.Add(last.Name, last.Position, table);
            return table;
        }
        var existing = parent.EntryAt(index);
        if (existing.Value is TomlTable { Origin: TomlTableOrigin.Implicit } implicitTable)
        {
            implicitTable.Origin = TomlTableOrigin.Header;
            implicitTable.Position = header;
            return implicitTable;
        }
        throw new TomlException(
            $"cannot define {Header(key, isArrayOfTables: false)}: it is already {Describe(existing)}", last.Position);
    }

    /// <summary>The new table a <c>[[key]]</c> header appends to its array of tables.</summary>
    public static TomlTable AppendArrayTable(TomlTable root, ReadOnlySpan<TomlKeySegment> key, TomlPosition header)
    {
        var parent = WalkHeaderPath(root, key, isArrayOfTables: true);
        var last = key[^1];
        var index = parent.IndexOf(last.Name);
        TomlArray array;
        if (index < 0)
        {
            array = new TomlArray(header, isArrayOfTables: true);
            parent.Add(last.Name, last.Position, array);
        }
        else if (parent.EntryAt(index).Value is TomlArray { IsArrayOfTables: true } existingArray)
        {
            array = existingArray;
        }
        else
        {
            throw new TomlException(
                $"cannot append to {Header(key, isArrayOfTables: true)}: "
                + $"it is already {Describe(parent.EntryAt(index))}",
                last.Position);
        }
        var table = new TomlTable(header, TomlTableOrigin.Header);
        array.Add(table);
        return table;
    }

    /// <summary>
    /// The table in which <c>key = value</c>, written in <paramref name="table"/>, puts its last key
    /// segment; creates the tables of a dotted key. Rejects a key that is already defined.
    /// </summary>
    public static TomlTable ParentForKeyValue(TomlTable table, ReadOnlySpan<TomlKeySegment> key)
    {
        for (var i = 0; i < key.Length - 1; i++)
        {
            var segment = key[i];
            var existing = EntryOrNewTable(table, segment, TomlTableOrigin.Dotted);
            switch (existing.Value)
            {
                case TomlTable { Origin: TomlTableOrigin.Dotted } dotted:
                    table = dotted;
                    break;
                case TomlTable { Origin: TomlTableOrigin.Implicit } implicitTable:
                    implicitTable.Origin = TomlTableOrigin.Dotted;
                    table = implicitTable;
                    break;
                case TomlTable { Origin: TomlTableOrigin.Header }:
                    throw new TomlException(
                        $"cannot add '{TomlKeySegment.Format(key, key.Length)}' with a dotted key: "
                        + $"'{TomlKeySegment.Format(key, i + 1)}' is a table with its own header "
                        + $"(at {existing.Value.Position.ToShortString()}); write the key in that section",
                        segment.Position);
                default:
                    throw new TomlException(
                        $"cannot add '{TomlKeySegment.Format(key, key.Length)}': "
                        + $"'{TomlKeySegment.Format(key, i + 1)}' is already {Describe(existing)}",
                        segment.Position);
            }
        }
        var last = key[^1];
        var lastIndex = table.IndexOf(last.Name);
        if (lastIndex >= 0)
        {
            throw new TomlException(
                $"duplicate key '{TomlKeySegment.Format(key, key.Length)}': it is already {Describe(table.EntryAt(lastIndex))}",
                last.Position);
        }
        return table;
    }

    /// <summary>Walks all but the last segment of a header's key, entering the last table of arrays of tables.</summary>
    private static TomlTable WalkHeaderPath(TomlTable root, ReadOnlySpan<TomlKeySegment> key, bool isArrayOfTables)
    {
        var table = root;
        for (var i = 0; i < key.Length - 1; i++)
        {
            var segment = key[i];
            var existing = EntryOrNewTable(table, segment, TomlTableOrigin.Implicit);
            table = existing.Value switch
            {
                TomlTable { IsInline: false } found => found,
                TomlArray { IsArrayOfTables: true } array => (TomlTable)array.Last,
                _ => throw new TomlException(
                    $"cannot define {Header(key, isArrayOfTables)}: "
                    + $"'{TomlKeySegment.Format(key, i + 1)}' is already {Describe(existing)}",
                    segment.Position),
            };
        }
        return table;
    }

    /// <summary>The entry of <paramref name="segment"/> in <paramref name="table"/>, made an empty table of <paramref name="origin"/> when absent.</summary>
    private static TomlEntry EntryOrNewTable(TomlTable table, TomlKeySegment segment, TomlTableOrigin origin)
    {
        var index = table.IndexOf(segment.Name);
        if (index >= 0)
        {
            return table.EntryAt(index);
        }
        var created = new TomlEntry(segment.Name, segment.Position, new TomlTable(segment.Position, origin));
        table.Add(created.Key, created.KeyPosition, created.Value);
        return created;
    }

    private static string Header(ReadOnlySpan<TomlKeySegment> key, bool isArrayOfTables) =>
        isArrayOfTables
            ? $"array of tables [[{TomlKeySegment.Format(key, key.Length)}]]"
            : $"table [{TomlKeySegment.Format(key, key.Length)}]";

    /// <summary>"a table defined at 3:1", "an inline table (3:5), which cannot be extended", …</summary>
    private static string Describe(TomlEntry existing)
    {
        var at = existing.KeyPosition.ToShortString();
        return existing.Value switch
        {
            TomlTable { Origin: TomlTableOrigin.Header or TomlTableOrigin.Implicit } table =>
                $"a table (defined at {table.Position.ToShortString()})",
            TomlTable { Origin: TomlTableOrigin.Dotted } => $"a table defined by dotted keys (at {at})",
            TomlTable { Origin: TomlTableOrigin.Inline } => $"an inline table (at {at}), which cannot be extended",
            TomlArray { IsArrayOfTables: true } array => $"an array of tables (at {array.Position.ToShortString()})",
            TomlArray => $"a static array (at {at}), which cannot be extended",
            _ => $"{existing.Value.Description} (at {at})",
        };
    }
}
