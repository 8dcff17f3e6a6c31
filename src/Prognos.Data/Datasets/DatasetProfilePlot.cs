using ScottPlot;

namespace Prognos.Data.Datasets;

/// <summary>Draws the histograms of a profile's numeric columns in one PNG (a grid of small plots).</summary>
internal static class DatasetProfilePlot
{
    private const int MaxPlots = 12;

    public static void Write(DatasetProfile profile, string path)
    {
        var numeric = profile.Columns.Where(c => c.Histogram is not null).Take(MaxPlots).ToList();
        var multiplot = new Multiplot();
        if (numeric.Count == 0)
        {
            var empty = new Plot();
            empty.Title("No numeric columns");
            empty.SavePng(path, 400, 200);
            return;
        }

        var columns = Math.Min(3, numeric.Count);
        var rows = (numeric.Count + columns - 1) / columns;
        multiplot.AddPlots(numeric.Count);
        multiplot.Layout = new ScottPlot.MultiplotLayouts.Grid(rows, columns);
        for (var i = 0; i < numeric.Count; i++)
        {
            var column = numeric[i];
            var histogram = column.Histogram!;
            var plot = multiplot.GetPlot(i);
            var width = histogram.Edges[1] - histogram.Edges[0];
            var bars = histogram.Counts.Select((count, b) => new Bar { Position = histogram.Edges[b] + (width / 2), Value = count, Size = width * 0.95 }).ToList();
            plot.Add.Bars(bars);
            plot.Title(column.Name, size: 12);
            plot.Axes.Margins(bottom: 0);
        }

        multiplot.SavePng(path, 360 * columns, 260 * rows);
    }
}
