using System.Globalization;
using System.Text;

namespace Prognos.Bench.Tracking;

/// <summary>Collects figures and query plans; renders them as Markdown for bench/RESULTS.md and as text for the console.</summary>
internal sealed class BenchReport
{
    private readonly List<BenchFigure> _figures = [];
    private readonly List<(string Title, string Text)> _plans = [];
    private readonly bool _quiet;

    /// <param name="quiet">For warm-up passes: collect nothing worth printing.</param>
    public BenchReport(bool quiet = false)
    {
        _quiet = quiet;
    }

    public void Log(string line)
    {
        if (!_quiet)
        {
            Console.WriteLine(line);
        }
    }

    public void Add(BenchFigure figure)
    {
        _figures.Add(figure);
        Log($"  => {figure.Benchmark} [{figure.Store}]: {Format(figure.Ours)} {figure.Unit}" +
            (figure.Ceiling is { } c ? $", ceiling {Format(c)}, share {figure.Share:P0}" : "") +
            (figure.Passed is { } p ? $", target {Format(figure.Target!.Value)}: {(p ? "PASS" : "FAIL")}" : ""));
    }

    public void AddPlan(string title, string text)
    {
        _plans.Add((title, text));
        Console.WriteLine($"--- {title} ---");
        Console.WriteLine(text.TrimEnd());
    }

    public string ToMarkdown()
    {
        var md = new StringBuilder();
        md.AppendLine("| benchmark | store | ours | ceiling | share of ceiling | target | result |");
        md.AppendLine("|---|---|---:|---:|---:|---:|---|");
        foreach (var f in _figures)
        {
            var target = f.Target is { } t ? (f.HigherIsBetter ? "≥ " : "≤ ") + Format(t) + " " + f.Unit : "—";
            md.Append(CultureInfo.InvariantCulture, $"| {f.Benchmark} | {f.Store} | {Format(f.Ours)} {f.Unit} | ")
              .Append(f.Ceiling is { } c ? Format(c) + " " + f.Unit : "—").Append(" | ")
              .Append(f.Share is { } s ? s.ToString("P0", CultureInfo.InvariantCulture) : "—").Append(" | ")
              .Append(target).Append(" | ")
              .Append(f.Passed switch { true => "pass", false => "**FAIL**", null => "—" })
              .Append(f.Note is { } n ? " (" + n + ")" : "")
              .AppendLine(" |");
        }

        foreach (var (title, text) in _plans)
        {
            md.AppendLine().AppendLine($"<details><summary>{title}</summary>").AppendLine().AppendLine("```").AppendLine(text.TrimEnd()).AppendLine("```").AppendLine("</details>");
        }

        return md.ToString();
    }

    public static string Format(double value) =>
        value >= 1000 ? value.ToString("N0", CultureInfo.InvariantCulture) : value.ToString("0.0#", CultureInfo.InvariantCulture);
}
