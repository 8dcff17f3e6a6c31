using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Prognos.Data.Prep;
using Prognos.Errors;

namespace Prognos.Data.Tests.Prep;

/// <summary>The parser's promises for any text: a recipe, or a PrognosException that points into the file.</summary>
public sealed class RecipeParserPropertyTests
{
    private const string Valid = """
        name: p
        inputs:
          raw: { path: data/raw.csv, types: { Date: timestamp } }
        steps:
          - dedupe: { keys: [id, Date], keep: first }
          - regularize: { time: Date, frequency: 12h, by: id }
            as: grid
          - resample: { time: Date, frequency: 1d, by: id, aggregations: { v: [sum, min] } }
        outputs:
          - parquet: out/p.parquet
        """;

    [Property(MaxTest = 500)]
    public bool AnyTextParsesOrFailsWithALocatedPrognosException(string text)
    {
        try
        {
            RecipeParser.Parse(text ?? "", "r.yaml");
            return true;
        }
        catch (PrognosException e)
        {
            return e.Code == ErrorCode.InvalidParameterValue && e.Message.StartsWith("r.yaml:", StringComparison.Ordinal);
        }
    }

    [Property(MaxTest = 300)]
    public bool AMangledRecipeParsesOrFailsWithALocatedPrognosException(PositiveInt position, char replacement, bool delete)
    {
        // Damage one character of a valid recipe: the result must still be handled, never crash the parser.
        var i = position.Get % Valid.Length;
        var text = delete ? Valid.Remove(i, 1) : Valid.Remove(i, 1).Insert(i, replacement.ToString());
        return AnyTextParsesOrFailsWithALocatedPrognosException(text);
    }

    [Property]
    public bool FrequenciesRoundTrip(PositiveInt count, bool plural)
    {
        var units = new[] { ("s", "seconds"), ("min", "minutes"), ("h", "hours"), ("d", "days"), ("w", "weeks"), ("mo", "months"), ("y", "years") };
        var (unit, interval) = units[count.Get % units.Length];
        var n = plural ? count.Get : 1;
        var f = Frequency.Parse(new Located($"{n}{unit}", new SourceLocation("r.yaml", 1, 1)));
        return f.Interval == $"INTERVAL '{n} {interval}'";
    }
}
