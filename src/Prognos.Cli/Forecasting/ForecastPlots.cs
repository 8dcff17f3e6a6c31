using Prognos.Learning.Forecasting;
using ScottPlot;

namespace Prognos.Cli.Forecasting;

/// <summary>PNG charts of a forecast (history, forecast, intervals, optional actuals) and of in-sample residuals.</summary>
internal static class ForecastPlots
{
    public const int Width = 1000;
    public const int Height = 500;

    /// <summary>History, the forecast mean and its intervals (widest first, lighter), and actuals over the forecast period when known.</summary>
    public static byte[] Forecast(TimeSeries history, Forecast forecast, string title, double[]? actuals = null)
    {
        var plot = new Plot();
        var forecastX = forecast.Timestamps.Select(t => t.ToOADate()).ToArray();
        foreach (var interval in forecast.Intervals.OrderByDescending(i => i.Level))
        {
            var band = plot.Add.FillY(forecastX, interval.Lower, interval.Upper);
            band.FillColor = Colors.SteelBlue.WithAlpha(interval.Level >= 90 ? 0.18 : 0.35);
            band.LineWidth = 0;
            band.LegendText = $"{interval.Level:0}% interval";
        }

        var past = plot.Add.Scatter(history.Timestamps.Select(t => t.ToOADate()).ToArray(), history.Values);
        past.Color = Colors.Black;
        past.MarkerSize = 0;
        past.LineWidth = 1.5f;
        past.LegendText = "history";

        if (actuals is not null)
        {
            var actual = plot.Add.Scatter(forecastX, actuals);
            actual.Color = Colors.DarkOrange;
            actual.MarkerSize = 4;
            actual.LineWidth = 1.5f;
            actual.LegendText = "actual";
        }

        var mean = plot.Add.Scatter(forecastX, forecast.Mean);
        mean.Color = Colors.SteelBlue;
        mean.MarkerSize = 0;
        mean.LineWidth = 2;
        mean.LegendText = "forecast";

        plot.Axes.DateTimeTicksBottom();
        plot.Title(title);
        plot.ShowLegend(Alignment.UpperLeft);
        return plot.GetImage(Width, Height).GetImageBytes(ImageFormat.Png);
    }

    /// <summary>In-sample one-step residuals (actual − fitted) over time, with the zero line.</summary>
    public static byte[] Residuals(TimeSeries history, IFittedForecaster fitted, string title)
    {
        var plot = new Plot();
        var xs = new List<double>();
        var residuals = new List<double>();
        for (var i = 0; i < history.Length && i < fitted.Fitted.Length; i++)
        {
            if (double.IsFinite(fitted.Fitted[i]))
            {
                xs.Add(history.Timestamps[i].ToOADate());
                residuals.Add(history.Values[i] - fitted.Fitted[i]);
            }
        }

        if (xs.Count > 0)
        {
            var bars = plot.Add.Scatter(xs.ToArray(), residuals.ToArray());
            bars.Color = Colors.SteelBlue;
            bars.MarkerSize = 3;
            bars.LineWidth = 1;
        }

        var zero = plot.Add.HorizontalLine(0);
        zero.Color = Colors.Gray;
        plot.Axes.DateTimeTicksBottom();
        plot.Title(title);
        plot.YLabel("actual − fitted");
        return plot.GetImage(Width, Height / 2 + 100).GetImageBytes(ImageFormat.Png);
    }
}
