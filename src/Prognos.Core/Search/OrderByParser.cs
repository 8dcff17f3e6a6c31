using Prognos.Errors;

namespace Prognos.Search;

/// <summary>
/// Parses MLflow-style order_by entries, each <c>&lt;identifier&gt; [ASC|DESC]</c> (ascending by default), e.g.
/// <c>metrics.rmse</c>, <c>attributes.start_time DESC</c>.
/// </summary>
public static class OrderByParser
{
    /// <summary>Parses every entry in order; null means no ordering and gives an empty list.</summary>
    public static IReadOnlyList<OrderByClause> Parse(IEnumerable<string>? orderBy)
    {
        if (orderBy is null)
        {
            return [];
        }

        var clauses = new List<OrderByClause>();
        var index = 0;
        foreach (var entry in orderBy)
        {
            index++;
            clauses.Add(ParseEntry(entry, index));
        }

        return clauses;
    }

    private static OrderByClause ParseEntry(string? entry, int index)
    {
        if (string.IsNullOrWhiteSpace(entry))
        {
            throw PrognosException.InvalidParameter(
                $"Invalid order_by entry {index}: it is empty; expected an identifier such as metrics.rmse, optionally followed by ASC or DESC.");
        }

        var reader = new SearchTextReader(entry, $"order_by entry {index} ('{entry}')", "end of entry");
        reader.SkipWhitespace();
        var identifier = reader.ReadIdentifier("at the start of the entry");
        reader.SkipWhitespace();
        var ascending = true;
        if (!reader.AtEnd)
        {
            var directionStart = reader.Position;
            var direction = reader.ReadWord().ToUpperInvariant();
            if (direction is not ("ASC" or "DESC") || (!reader.AtEnd && !char.IsWhiteSpace(reader.Current)))
            {
                throw reader.Error(directionStart, $"expected ASC or DESC after '{identifier.Text}' but found {reader.Found(directionStart)}.");
            }

            ascending = direction == "ASC";
            reader.SkipWhitespace();
            if (!reader.AtEnd)
            {
                throw reader.Error(reader.Position, $"unexpected {reader.Found(reader.Position)} after '{direction}'; an entry is one identifier with an optional ASC or DESC (give several keys as separate entries).");
            }
        }

        return new OrderByClause(identifier.Entity, identifier.Key, ascending);
    }
}
