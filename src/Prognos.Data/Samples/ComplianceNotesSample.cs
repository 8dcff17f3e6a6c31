using System.Globalization;
using System.Text;

namespace Prognos.Data.Samples;

/// <summary>
/// Writes technicians' short component notes with their compliance label as CSV (<c>text,label</c>), e.g.
/// <c>manufactured in 1985 made of steel in fair condition,non-compliant</c>. Phrasing varies (sentence shapes,
/// synonyms, optional openings and closings, capitalisation); the label follows <see cref="ComplianceRule"/>.
/// </summary>
public sealed class ComplianceNotesSample
{
    /// <summary>The exact header.</summary>
    public const string Header = "text,label";

    /// <summary>Years are drawn from here; 40% before 1995, 60% from 1995 on (recent stock dominates).</summary>
    public const int FirstYear = 1960;

    /// <summary>The last year a component can be manufactured in.</summary>
    public const int LastYear = 2023;

    private const int FlushAtCharacters = 1 << 16;

    private readonly ComplianceNotesSampleOptions _options;

    public ComplianceNotesSample(ComplianceNotesSampleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
    }

    /// <summary>Writes the header and <see cref="ComplianceNotesSampleOptions.Notes"/> rows, with <c>\n</c> line ends.</summary>
    public async Task WriteAsync(TextWriter writer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var random = SeededRandom.For(_options.Seed, 0, RandomPurpose.Notes);
        var buffer = new StringBuilder(FlushAtCharacters + 256);
        buffer.Append(Header).Append('\n');
        for (var row = 0; row < _options.Notes; row++)
        {
            var (text, label) = NextNote(random);
            buffer.Append(Quoted(text)).Append(',').Append(label).Append('\n');
            if (buffer.Length >= FlushAtCharacters)
            {
                await writer.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
                buffer.Clear();
            }
        }

        await writer.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private static (string Text, string Label) NextNote(SeededRandom random)
    {
        var year = random.Chance(0.4)
            ? random.NextInt(FirstYear, ComplianceRule.FirstCompliantYear)
            : random.NextInt(ComplianceRule.FirstCompliantYear, LastYear + 1);
        var material = random.Pick(ComplianceVocabulary.Materials);
        var condition = random.Pick(ComplianceVocabulary.Conditions);
        var sentence = random.Pick(ComplianceVocabulary.Templates)
            .Replace("{y}", year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{m}", material[random.NextInt(1, material.Count)], StringComparison.Ordinal)
            .Replace("{c}", condition[random.NextInt(1, condition.Count)], StringComparison.Ordinal)
            .Replace("{p}", random.Pick(ComplianceVocabulary.Components), StringComparison.Ordinal)
            .Replace("{v}", random.Pick(ComplianceVocabulary.Manufactured), StringComparison.Ordinal);
        var text = random.Pick(ComplianceVocabulary.Openings) + sentence + random.Pick(ComplianceVocabulary.Closings);
        if (random.Chance(0.3))
        {
            text = char.ToUpperInvariant(text[0]) + text[1..];
        }

        return (text, ComplianceRule.LabelFor(year, material[0], condition[0]));
    }

    private static string Quoted(string text) =>
        text.Contains(',', StringComparison.Ordinal) || text.Contains('"', StringComparison.Ordinal)
            ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : text;
}
