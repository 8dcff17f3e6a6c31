using FsCheck;
using FsCheck.Fluent;
using Prognos.Data.Samples;
using Prognos.Errors;
using Xunit;

namespace Prognos.Data.Tests.Samples;

public sealed class ComplianceNotesSampleTests
{
    private static readonly string[] NonCompliantMaterials = ["plastic", "iron"];
    private static readonly string[] NonCompliantConditions = ["fair", "poor"];

    private static string ExpectedLabel(ComplianceNote note) =>
        note.Year < 1995 || NonCompliantMaterials.Contains(note.Material) || NonCompliantConditions.Contains(note.Condition)
            ? "non-compliant"
            : "compliant";

    [Fact]
    public async Task Every_label_follows_the_rule_read_back_from_the_text()
    {
        var notes = ComplianceNote.ParseAll(await SampleText.ComplianceNotesAsync(new ComplianceNotesSampleOptions { Notes = 3000, Seed = 3 }));

        Assert.Equal(3000, notes.Count);
        Assert.All(notes, note => Assert.Equal(ExpectedLabel(note), note.Label));
        Assert.All(notes, note => Assert.InRange(note.Year, 1960, 2023));
    }

    [Fact]
    public async Task Both_labels_appear_in_a_workable_proportion_and_every_reason_occurs()
    {
        var notes = ComplianceNote.ParseAll(await SampleText.ComplianceNotesAsync(new ComplianceNotesSampleOptions { Notes = 3000 }));

        var compliantShare = notes.Count(note => note.Label == "compliant") / (double)notes.Count;
        Assert.InRange(compliantShare, 0.2, 0.5);
        Assert.Contains(notes, note => note.Label == "non-compliant" && note.Year < 1995 && note.Condition is not ("fair" or "poor") && note.Material is not ("plastic" or "iron"));
        Assert.Contains(notes, note => note.Label == "non-compliant" && note.Year >= 1995 && note.Condition is "fair" or "poor" && note.Material is not ("plastic" or "iron"));
        Assert.Contains(notes, note => note.Label == "non-compliant" && note.Year >= 1995 && note.Condition is not ("fair" or "poor") && note.Material is "plastic" or "iron");
        Assert.Equal(10, notes.Select(note => note.Material).Distinct().Count());
        Assert.Equal(5, notes.Select(note => note.Condition).Distinct().Count());
    }

    [Fact]
    public async Task Phrasing_varies_across_many_sentence_shapes()
    {
        var notes = ComplianceNote.ParseAll(await SampleText.ComplianceNotesAsync(new ComplianceNotesSampleOptions { Notes = 2000 }));

        var shapes = notes.Select(note => note.Shape()).ToArray();
        Assert.True(shapes.Distinct().Count() > 200, $"only {shapes.Distinct().Count()} distinct shapes");
        var mostCommonShare = shapes.GroupBy(shape => shape).Max(same => same.Count()) / (double)shapes.Length;
        Assert.True(mostCommonShare < 0.02, $"one shape covers {mostCommonShare:P1} of the notes");
        Assert.Contains(notes, note => note.Text.StartsWith("manufactured in", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(notes, note => note.Text.Contains(',', StringComparison.Ordinal));
        Assert.Contains(notes, note => char.IsUpper(note.Text[0]));
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_bytes_and_another_seed_other_bytes()
    {
        var options = new ComplianceNotesSampleOptions { Notes = 200, Seed = 5 };

        var first = await SampleText.ComplianceNotesAsync(options);
        var second = await SampleText.ComplianceNotesAsync(options);
        var other = await SampleText.ComplianceNotesAsync(options with { Seed = 6 });

        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void A_note_count_below_one_is_rejected()
    {
        var error = Assert.Throws<PrognosException>(() => new ComplianceNotesSample(new ComplianceNotesSampleOptions { Notes = 0 }));

        Assert.Equal(ErrorCode.InvalidParameterValue, error.Code);
        Assert.Contains("notes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void For_any_seed_the_notes_read_back_to_their_labels()
    {
        var property = Prop.ForAll(
            ArbMap.Default.ArbFor<long>(),
            seed =>
            {
                var csv = SampleText.ComplianceNotesAsync(new ComplianceNotesSampleOptions { Notes = 50, Seed = seed }).GetAwaiter().GetResult();
                return ComplianceNote.ParseAll(csv).All(note => ExpectedLabel(note) == note.Label);
            });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(100), property);
    }
}
