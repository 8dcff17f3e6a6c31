using System.Globalization;

namespace Prognos.Bench.Forecasting;

/// <summary>Command-line settings of the <c>forecast-panel</c> benchmark.</summary>
internal sealed record ForecastBenchOptions
{
    public string PanelPath { get; init; } = "bench/data/panel_monthly_1000.csv";

    /// <summary>Instead of the panel, the R datasets of this r_forecast.json fixture (their own train/test split).</summary>
    public string? FixturePath { get; init; }

    /// <summary>First N series of the panel; 0 = all.</summary>
    public int Series { get; init; }

    /// <summary>Held-out points per panel series (the fixture brings its own).</summary>
    public int Horizon { get; init; } = 12;

    /// <summary>Series fitted at once; defaults to every core.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    public IReadOnlyList<string> Methods { get; init; } = ["ets", "auto_arima", "theta"];

    public string? JsonPath { get; init; }

    public static ForecastBenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new ForecastBenchOptions();
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            int Count() => int.Parse(Value(), CultureInfo.InvariantCulture);
            options = args[i] switch
            {
                "--panel" => options with { PanelPath = Value() },
                "--fixtures" => options with { FixturePath = Value() },
                "--series" => options with { Series = Count() },
                "--horizon" => options with { Horizon = Count() },
                "--threads" => options with { Threads = Math.Max(1, Count()) },
                "--methods" => options with { Methods = Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) },
                "--json" => options with { JsonPath = Value() },
                _ => throw new ArgumentException($"Unknown option '{args[i]}' for forecast-panel; valid: --panel FILE, --fixtures FILE, --series N, --horizon N, --threads N, --methods a,b, --json FILE."),
            };
        }

        return options;
    }
}
