using System.Globalization;
using System.Text.RegularExpressions;
using Xunit;

namespace Prognos.Data.Tests.Samples;

/// <summary>A technician's note read back: the facts the text states, independently of the generator's code.</summary>
internal sealed partial record ComplianceNote(string Text, string Label, int Year, string Material, string Condition)
{
    // Spelling -> material the rule looks at; longest spellings are tried first so "cast iron" wins over "iron".
    private static readonly (string Spelling, string Material)[] MaterialSpellings =
    [
        ("stainless steel", "steel"), ("steel", "steel"), ("aluminium", "aluminium"), ("aluminum", "aluminium"),
        ("carbon fiber", "carbon fiber"), ("carbon fibre", "carbon fiber"), ("abs plastic", "plastic"), ("plastic", "plastic"),
        ("cast iron", "iron"), ("iron", "iron"), ("titanium", "titanium"), ("copper", "copper"),
        ("composite", "composite"), ("brass", "brass"), ("fiberglass", "fiberglass"),
    ];

    private static readonly string[] Conditions = ["very good", "excellent", "good", "fair", "poor"];

    public static IReadOnlyList<ComplianceNote> ParseAll(string csv)
    {
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("text,label", lines[0]);
        return lines.Skip(1).Select(Parse).ToArray();
    }

    /// <summary>The note with year, material and condition replaced by placeholders: its sentence shape.</summary>
    public string Shape()
    {
        var shape = YearPattern().Replace(Text.ToLowerInvariant(), "{y}");
        foreach (var (spelling, _) in MaterialSpellings.OrderByDescending(pair => pair.Spelling.Length))
        {
            shape = shape.Replace(spelling, "{m}", StringComparison.Ordinal);
        }

        foreach (var condition in Conditions)
        {
            shape = shape.Replace(condition, "{c}", StringComparison.Ordinal);
        }

        return shape;
    }

    private static ComplianceNote Parse(string line)
    {
        string text;
        string label;
        if (line.StartsWith('"'))
        {
            var closing = line.LastIndexOf("\",", StringComparison.Ordinal);
            text = line[1..closing].Replace("\"\"", "\"", StringComparison.Ordinal);
            label = line[(closing + 2)..];
        }
        else
        {
            var comma = line.LastIndexOf(',');
            text = line[..comma];
            label = line[(comma + 1)..];
            Assert.DoesNotContain(',', text);
        }

        var lower = text.ToLowerInvariant();
        var years = YearPattern().Matches(lower);
        Assert.Single(years);
        var material = MaterialSpellings.OrderByDescending(pair => pair.Spelling.Length).First(pair => Mentions(lower, pair.Spelling)).Material;
        var condition = Conditions.First(condition => Mentions(lower, condition));
        return new ComplianceNote(text, label, int.Parse(years[0].Value, CultureInfo.InvariantCulture), material, condition);
    }

    private static bool Mentions(string text, string phrase) => Regex.IsMatch(text, $@"\b{Regex.Escape(phrase)}\b");

    [GeneratedRegex(@"\b(19|20)\d\d\b")]
    private static partial Regex YearPattern();
}
