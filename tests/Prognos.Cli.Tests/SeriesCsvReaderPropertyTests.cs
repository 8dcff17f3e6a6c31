using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Xunit;
using Prognos.Cli.Forecasting;
using Prognos.Errors;
using Xunit;

namespace Prognos.Cli.Tests;

/// <summary>The CSV series reader on random timestamps, orders and ids: every spelling of a time parses to the same UTC instant.</summary>
public sealed class SeriesCsvReaderPropertyTests
{
    private static DateTime Instant(int minutes) => new DateTime(1990, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(minutes % 20_000_000);

    [Property(MaxTest = 200)]
    public void Iso_timestamps_with_or_without_offset_parse_to_the_same_utc_instant(NonNegativeInt minutes, int offsetHours)
    {
        var utc = Instant(minutes.Get);
        var offset = TimeSpan.FromHours(Math.Abs(offsetHours % 13) * Math.Sign(offsetHours));
        var local = new DateTimeOffset(utc).ToOffset(offset);

        Assert.Equal(utc, SeriesCsvReader.ParseTime(utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)));
        Assert.Equal(utc, SeriesCsvReader.ParseTime(utc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)));
        Assert.Equal(utc, SeriesCsvReader.ParseTime(local.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)));
        Assert.Equal(utc.Date, SeriesCsvReader.ParseTime(utc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        Assert.Equal(new DateTime(utc.Year, utc.Month, 1), SeriesCsvReader.ParseTime(utc.ToString("yyyy-MM", CultureInfo.InvariantCulture)));
        Assert.Equal(DateTimeKind.Utc, SeriesCsvReader.ParseTime(utc.ToString("O", CultureInfo.InvariantCulture))!.Value.Kind);
    }

    [Property(MaxTest = 50)]
    public void Shuffled_rows_of_several_series_come_back_sorted_per_series(PositiveInt seed, PositiveInt count)
    {
        var random = new Random(seed.Get);
        var ids = Enumerable.Range(0, 1 + count.Get % 5).Select(i => $"s,{i}").ToList();
        var rows = ids.SelectMany(id => Enumerable.Range(0, 10).Select(d => (Id: id, Day: d))).OrderBy(_ => random.Next()).ToList();
        var text = new StringBuilder("id,when,y\n");
        foreach (var (id, day) in rows)
        {
            text.Append(CultureInfo.InvariantCulture, $"\"{id}\",{new DateTime(2024, 2, 25).AddDays(day):yyyy-MM-dd},{day * 1.5}\n");
        }

        var series = SeriesCsvReader.Read(new StringReader(text.ToString()), "x.csv", "when", "y", "id");

        Assert.Equal(ids.Order(StringComparer.Ordinal), series.Select(s => s.SeriesId).Order(StringComparer.Ordinal));
        Assert.All(series, s => Assert.Equal(Enumerable.Range(0, 10).Select(d => d * 1.5), s.Values));
        Assert.All(series, s => Assert.Equal("D", s.Frequency.ToString()));
    }

    [Theory]
    [InlineData("1949-02-30")]
    [InlineData("yesterday")]
    [InlineData("12/03/2024")]
    [InlineData("")]
    public void Unparsable_dates_are_refused_with_the_row(string bad)
    {
        var csv = $"t,y\n2024-01-01,1\n2024-01-02,2\n{bad},3\n";
        var error = Assert.Throws<PrognosException>(() => SeriesCsvReader.Read(new StringReader(csv), "x.csv", "t", "y", null));
        Assert.Contains("row 3 (line 4)", error.Message);
        Assert.Equal(ErrorCode.InvalidParameterValue, error.Code);
    }
}
