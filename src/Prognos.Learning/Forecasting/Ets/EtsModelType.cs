namespace Prognos.Learning.Forecasting.Ets;

/// <summary>One member of the ETS family: error (A/M), trend (N/A/Ad) and season (N/A/M).</summary>
public readonly record struct EtsModelType(bool MultiplicativeError, EtsTrend Trend, EtsSeason Season)
{
    public bool HasTrend => Trend != EtsTrend.None;

    public bool IsDamped => Trend == EtsTrend.DampedAdditive;

    public bool IsSeasonal => Season != EtsSeason.None;

    /// <summary>Short code as R prints it inside ETS(...): <c>MAdM</c>.</summary>
    public string Code => $"{(MultiplicativeError ? "M" : "A")}{Trend switch { EtsTrend.None => "N", EtsTrend.Additive => "A", _ => "Ad" }}{Season switch { EtsSeason.None => "N", EtsSeason.Additive => "A", _ => "M" }}";

    public override string ToString() => $"ETS({Code[0]},{Code[1..^1]},{Code[^1]})";

    /// <summary>Parses <c>ANN</c>, <c>AAdN</c>, <c>MAM</c> (also with commas or the ETS(...) wrapper).</summary>
    public static EtsModelType Parse(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var compact = code.Replace("ETS", string.Empty, StringComparison.OrdinalIgnoreCase)
            .Replace("(", string.Empty, StringComparison.Ordinal).Replace(")", string.Empty, StringComparison.Ordinal)
            .Replace(",", string.Empty, StringComparison.Ordinal).Trim().ToUpperInvariant();
        var valid = compact.Length is 3 or 4 && compact[0] is 'A' or 'M' && compact[^1] is 'N' or 'A' or 'M'
            && compact[1..^1] is "N" or "A" or "AD";
        if (!valid)
        {
            throw new ForecastingException($"'{code}' is not an ETS model code; use error A/M, trend N/A/Ad, season N/A/M, e.g. ANN, AAdN, MAM.");
        }

        return new EtsModelType(
            compact[0] == 'M',
            compact[1..^1] switch { "N" => EtsTrend.None, "A" => EtsTrend.Additive, _ => EtsTrend.DampedAdditive },
            compact[^1] switch { 'N' => EtsSeason.None, 'A' => EtsSeason.Additive, _ => EtsSeason.Multiplicative });
    }
}
