using System.Globalization;
using Prognos.Learning.Forecasting;

namespace Prognos.Cli.Commands;

/// <summary>The classic Box &amp; Jenkins monthly airline passengers series (1949-1960), bundled with the CLI.</summary>
internal static class AirPassengers
{
    public static TimeSeries Load()
    {
        using var stream = typeof(AirPassengers).Assembly.GetManifestResourceStream("Prognos.Cli.AirPassengers.csv")
            ?? throw new InvalidOperationException("The bundled AirPassengers.csv is missing from the build.");
        using var reader = new StreamReader(stream);
        reader.ReadLine();
        var timestamps = new List<DateTime>();
        var values = new List<double>();
        while (reader.ReadLine() is { Length: > 0 } line)
        {
            var parts = line.Split(',');
            timestamps.Add(DateTime.ParseExact(parts[0], "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal));
            values.Add(double.Parse(parts[1], CultureInfo.InvariantCulture));
        }

        return new TimeSeries(timestamps, values.ToArray(), Frequency.MonthlyStart, "AirPassengers");
    }
}
