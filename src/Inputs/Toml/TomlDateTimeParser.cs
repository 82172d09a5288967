namespace Req2Nix.Inputs.Toml;

/// <summary>
/// The four TOML date-time kinds (RFC 3339 profiles): <c>1979-05-27T07:32:00.999-07:00</c>,
/// <c>1979-05-27 07:32:00</c>, <c>1979-05-27</c>, <c>07:32:00</c>. Seconds are required (TOML 1.0);
/// <c>T</c>, <c>t</c> or a space separate date and time; <c>Z</c> or <c>z</c> mean UTC.
/// </summary>
internal static class TomlDateTimeParser
{
    /// <summary>True when <paramref name="text"/> starts like a date (<c>dddd-</c>).</summary>
    public static bool StartsWithDate(ReadOnlySpan<byte> text) =>
        text.Length >= 5 && AreDigits(text[..4]) && text[4] == '-';

    /// <summary>True when <paramref name="text"/> starts like a local time (<c>dd:</c>).</summary>
    public static bool StartsWithTime(ReadOnlySpan<byte> text) =>
        text.Length >= 3 && AreDigits(text[..2]) && text[2] == ':';

    /// <summary>Reads the date-time at the start of <paramref name="text"/>; <paramref name="length"/> is how many bytes it took.</summary>
    public static TomlDateTime Parse(ReadOnlySpan<byte> text, TomlPosition position, out int length)
    {
        var i = 0;
        if (!StartsWithDate(text))
        {
            var localTime = ReadTime(text, ref i, position, out var digits);
            if (i < text.Length && text[i] is (byte)'Z' or (byte)'z' or (byte)'+' or (byte)'-')
            {
                throw new TomlException("invalid local time: a time without a date cannot have an offset", position);
            }
            length = i;
            return new TomlDateTime(TomlValueKind.LocalTime, default, localTime, digits, 0, position);
        }

        var date = ReadDate(text, ref i, position);
        var hasTime = i < text.Length
            && (text[i] is (byte)'T' or (byte)'t'
                || (text[i] == ' ' && i + 1 < text.Length && TomlSyntax.IsDigit(text[i + 1])));
        if (!hasTime)
        {
            length = i;
            return new TomlDateTime(TomlValueKind.LocalDate, date, default, 0, 0, position);
        }
        i++;
        var time = ReadTime(text, ref i, position, out var fractionDigits);
        if (i < text.Length && text[i] is (byte)'Z' or (byte)'z')
        {
            length = i + 1;
            return new TomlDateTime(TomlValueKind.OffsetDateTime, date, time, fractionDigits, 0, position);
        }
        if (i < text.Length && text[i] is (byte)'+' or (byte)'-')
        {
            var offsetMinutes = ReadOffset(text, ref i, position);
            length = i;
            return new TomlDateTime(TomlValueKind.OffsetDateTime, date, time, fractionDigits, offsetMinutes, position);
        }
        length = i;
        return new TomlDateTime(TomlValueKind.LocalDateTime, date, time, fractionDigits, 0, position);
    }

    private static DateOnly ReadDate(ReadOnlySpan<byte> text, ref int i, TomlPosition position)
    {
        if (text.Length < 10 || !AreDigits(text[5..7]) || text[7] != '-' || !AreDigits(text[8..10]))
        {
            throw new TomlException("invalid date: expected YYYY-MM-DD", position);
        }
        var year = Number(text[..4]);
        var month = Number(text[5..7]);
        var day = Number(text[8..10]);
        if (year == 0)
        {
            throw new TomlException("invalid date: year 0000 is not supported (the earliest is 0001)", position);
        }
        if (month is < 1 or > 12)
        {
            throw new TomlException($"invalid date: month {month:D2} is not between 01 and 12", position);
        }
        if (day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            throw new TomlException($"invalid date: {year:D4}-{month:D2} has no day {day:D2}", position);
        }
        i = 10;
        return new DateOnly(year, month, day);
    }

    private static TimeOnly ReadTime(ReadOnlySpan<byte> text, ref int i, TomlPosition position, out int fractionDigits)
    {
        var time = text[i..];
        if (time.Length < 8 || !AreDigits(time[..2]) || time[2] != ':' || !AreDigits(time[3..5])
            || time[5] != ':' || !AreDigits(time[6..8]))
        {
            throw new TomlException("invalid time: expected HH:MM:SS (seconds are required)", position);
        }
        var hour = Number(time[..2]);
        var minute = Number(time[3..5]);
        var second = Number(time[6..8]);
        if (hour > 23 || minute > 59 || second > 59)
        {
            var detail = second == 60 && hour <= 23 && minute <= 59 ? " (leap seconds are not supported)" : "";
            throw new TomlException($"invalid time: {hour:D2}:{minute:D2}:{second:D2} is out of range{detail}", position);
        }
        i += 8;
        var ticks = 0L;
        fractionDigits = 0;
        if (i < text.Length && text[i] == '.')
        {
            i++;
            if (i == text.Length || !TomlSyntax.IsDigit(text[i]))
            {
                throw new TomlException("invalid time: a decimal point in the seconds must be followed by digits", position);
            }
            var scale = TimeSpan.TicksPerSecond;
            while (i < text.Length && TomlSyntax.IsDigit(text[i]))
            {
                scale /= 10;
                ticks += (text[i] - '0') * scale;
                fractionDigits++;
                i++;
            }
        }
        return new TimeOnly(hour, minute, second).Add(TimeSpan.FromTicks(ticks));
    }

    private static int ReadOffset(ReadOnlySpan<byte> text, ref int i, TomlPosition position)
    {
        var offset = text[i..];
        if (offset.Length < 6 || !AreDigits(offset[1..3]) || offset[3] != ':' || !AreDigits(offset[4..6]))
        {
            throw new TomlException("invalid offset date-time: expected Z or an offset such as +09:00", position);
        }
        var hours = Number(offset[1..3]);
        var minutes = Number(offset[4..6]);
        if (hours > 23 || minutes > 59)
        {
            throw new TomlException($"invalid offset date-time: offset {hours:D2}:{minutes:D2} is out of range", position);
        }
        i += 6;
        var total = (hours * 60) + minutes;
        return offset[0] == '-' ? -total : total;
    }

    private static bool AreDigits(ReadOnlySpan<byte> text)
    {
        foreach (var b in text)
        {
            if (!TomlSyntax.IsDigit(b))
            {
                return false;
            }
        }
        return true;
    }

    private static int Number(ReadOnlySpan<byte> digits)
    {
        var value = 0;
        foreach (var b in digits)
        {
            value = (value * 10) + (b - '0');
        }
        return value;
    }
}
