using System.Globalization;
using System.Text;

namespace Req2Nix.Inputs.Toml;

/// <summary>
/// One of TOML's four date-time kinds, as written: an offset date-time (date, time and offset), a
/// local date-time (date and time), a local date, or a local time. Fractional seconds keep up to
/// seven digits (100 ns, the resolution of <see cref="TimeOnly"/>); more digits are truncated, as
/// TOML asks. <see cref="FractionDigits"/> says how many digits the source wrote.
/// </summary>
public sealed class TomlDateTime : TomlValue
{
    /// <summary>The most fractional-second digits kept (100 ns).</summary>
    public const int MaxFractionDigits = 7;

    private readonly DateOnly _date;
    private readonly TimeOnly _time;
    private readonly short _offsetMinutes;

    internal TomlDateTime(
        TomlValueKind kind, DateOnly date, TimeOnly time, int fractionDigits, int offsetMinutes, TomlPosition position)
        : base(position)
    {
        Kind = kind;
        _date = date;
        _time = time;
        _offsetMinutes = (short)offsetMinutes;
        FractionDigits = fractionDigits;
    }

    public override TomlValueKind Kind { get; }

    public bool HasDate => Kind is not TomlValueKind.LocalTime;

    public bool HasTime => Kind is not TomlValueKind.LocalDate;

    public bool HasOffset => Kind is TomlValueKind.OffsetDateTime;

    /// <summary>The date, or null for a local time.</summary>
    public DateOnly? Date => HasDate ? _date : null;

    /// <summary>The time of day, or null for a local date.</summary>
    public TimeOnly? Time => HasTime ? _time : null;

    /// <summary>The offset from UTC (<c>Z</c> is zero), or null unless this is an offset date-time.</summary>
    public TimeSpan? Offset => HasOffset ? TimeSpan.FromMinutes(_offsetMinutes) : null;

    /// <summary>How many fractional-second digits the source wrote (0 for none); may exceed <see cref="MaxFractionDigits"/>.</summary>
    public int FractionDigits { get; }

    /// <summary>
    /// The offset date-time as a <see cref="DateTimeOffset"/>; false for the local kinds and for
    /// values .NET cannot hold (offsets beyond ±14:00, instants before year 1 or after 9999 in UTC).
    /// </summary>
    public bool TryGetDateTimeOffset(out DateTimeOffset value)
    {
        value = default;
        if (!HasOffset || Math.Abs((int)_offsetMinutes) > 14 * 60)
        {
            return false;
        }
        var offset = TimeSpan.FromMinutes(_offsetMinutes);
        var utcTicks = _date.ToDateTime(_time).Ticks - offset.Ticks;
        if (utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks)
        {
            return false;
        }
        value = new DateTimeOffset(_date.ToDateTime(_time), offset);
        return true;
    }

    /// <summary>RFC 3339 text (<c>T</c> separator, <c>Z</c> for a zero offset), fraction as kept.</summary>
    public override string ToString()
    {
        var text = new StringBuilder(35);
        if (HasDate)
        {
            text.Append(_date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        if (HasDate && HasTime)
        {
            text.Append('T');
        }
        if (HasTime)
        {
            text.Append(_time.ToString("HH:mm:ss", CultureInfo.InvariantCulture));
            var digits = Math.Min(FractionDigits, MaxFractionDigits);
            if (digits > 0)
            {
                var fraction = (_time.Ticks % TimeSpan.TicksPerSecond).ToString("D7", CultureInfo.InvariantCulture);
                text.Append('.').Append(fraction, 0, digits);
            }
        }
        if (HasOffset)
        {
            AppendOffset(text, _offsetMinutes);
        }
        return text.ToString();
    }

    private static void AppendOffset(StringBuilder text, int minutes)
    {
        if (minutes == 0)
        {
            text.Append('Z');
            return;
        }
        text.Append(minutes < 0 ? '-' : '+');
        var magnitude = Math.Abs(minutes);
        text.Append((magnitude / 60).ToString("D2", CultureInfo.InvariantCulture))
            .Append(':')
            .Append((magnitude % 60).ToString("D2", CultureInfo.InvariantCulture));
    }
}
