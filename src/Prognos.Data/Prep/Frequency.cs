using System.Text.RegularExpressions;

namespace Prognos.Data.Prep;

/// <summary>A pandas-like frequency ("12h", "1d", "15min", "1w", "1mo") as a DuckDB INTERVAL.</summary>
internal sealed partial record Frequency(int Count, string Unit)
{
    public string Interval => $"INTERVAL '{Count} {Unit}'";

    public static Frequency Parse(Located text)
    {
        var m = Pattern().Match(text.Value.Trim());
        if (!m.Success || !int.TryParse(m.Groups[1].Value == "" ? "1" : m.Groups[1].Value, out var n) || n <= 0)
        {
            throw RecipeErrors.At(text.At, $"'{text.Value}' is not a frequency; write a positive count and a unit: "
                + "s, min, h, d, w or mo (for example 15min, 12h, 1d, 1w, 1mo).");
        }
        var unit = m.Groups[2].Value.ToLowerInvariant() switch
        {
            "s" or "sec" => "seconds",
            "min" or "t" => "minutes",
            "h" => "hours",
            "d" => "days",
            "w" => "weeks",
            "mo" => "months",
            "y" => "years",
            _ => throw new InvalidOperationException("unreachable"),
        };
        return new Frequency(n, unit);
    }

    [GeneratedRegex(@"^(\d*)\s*(s|sec|min|t|h|d|w|mo|y)$", RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();
}
