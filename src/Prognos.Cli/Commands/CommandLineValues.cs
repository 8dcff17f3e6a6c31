using System.Globalization;
using Prognos.Errors;

namespace Prognos.Cli.Commands;

/// <summary>Parsers for the small value syntaxes the CLI accepts (KEY=VALUE, 7d, numbers).</summary>
internal static class CommandLineValues
{
    public static Dictionary<string, string> KeyValues(IEnumerable<string>? pairs, string option)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in pairs ?? [])
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw PrognosException.InvalidParameter($"{option} '{pair}' is not KEY=VALUE; write it as {option} team=forecasting.");
            }

            map[pair[..eq]] = pair[(eq + 1)..];
        }

        return map;
    }

    /// <summary>Parses a duration such as <c>30s</c>, <c>15m</c>, <c>12h</c>, <c>7d</c> or <c>0</c>.</summary>
    public static TimeSpan Duration(string text, string option)
    {
        var trimmed = text.Trim();
        if (trimmed == "0")
        {
            return TimeSpan.Zero;
        }

        if (trimmed.Length >= 2 && double.TryParse(trimmed[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var amount) && amount >= 0)
        {
            switch (trimmed[^1])
            {
                case 's': return TimeSpan.FromSeconds(amount);
                case 'm': return TimeSpan.FromMinutes(amount);
                case 'h': return TimeSpan.FromHours(amount);
                case 'd': return TimeSpan.FromDays(amount);
            }
        }

        throw PrognosException.InvalidParameter($"{option} '{text}' is not a duration; write e.g. 30s, 15m, 12h, 7d or 0.");
    }

    public static double Number(string text, string field)
    {
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        return text.Trim().ToLowerInvariant() switch
        {
            "nan" => double.NaN,
            "inf" or "+inf" or "infinity" => double.PositiveInfinity,
            "-inf" or "-infinity" => double.NegativeInfinity,
            _ => throw PrognosException.InvalidParameter($"{field} '{text}' is not a number; write e.g. 0.25, 1e-3, NaN or Inf."),
        };
    }
}
