namespace Prognos.Search;

/// <summary>
/// Parses an MLflow-style run filter: clauses such as <c>metrics.rmse &lt; 0.5</c>, <c>params.model = 'ets'</c> or
/// <c>attributes.run_id IN ('a', 'b')</c>, joined by <c>AND</c>. Errors are <see cref="Prognos.Errors.PrognosException"/>
/// with <see cref="Prognos.Errors.ErrorCode.InvalidParameterValue"/> and a message naming the 1-based position.
/// </summary>
public static class RunFilterParser
{
    private const string EndOfFilter = "end of filter";
    private const string AllOperators = "=, !=, >, >=, <, <=, LIKE, ILIKE, IN";

    /// <summary>Parses <paramref name="filter"/>; null or blank means no filter and gives an empty list.</summary>
    public static IReadOnlyList<FilterClause> Parse(string? filter)
    {
        if (string.IsNullOrWhiteSpace(filter))
        {
            return [];
        }

        var reader = new SearchTextReader(filter, "filter", EndOfFilter);
        var clauses = new List<FilterClause>();
        var context = "at the start of the filter";
        while (true)
        {
            reader.SkipWhitespace();
            var clauseStart = reader.Position;
            clauses.Add(ParseClause(reader, context));
            var clauseText = reader.Slice(clauseStart, reader.Position);
            reader.SkipWhitespace();
            if (reader.AtEnd)
            {
                return clauses;
            }

            var joinStart = reader.Position;
            if (reader.Current == ')')
            {
                throw reader.Error(joinStart, "unbalanced parentheses: ')' has no matching '('.");
            }

            var word = reader.ReadWord();
            if (word.Equals("OR", StringComparison.OrdinalIgnoreCase))
            {
                throw reader.Error(joinStart, "only AND is supported to join clauses; OR is not supported (run one search per alternative instead).");
            }

            if (!word.Equals("AND", StringComparison.OrdinalIgnoreCase) || (!reader.AtEnd && !char.IsWhiteSpace(reader.Current)))
            {
                throw reader.Error(joinStart, $"expected AND or the end of the filter after the clause '{clauseText}' but found {reader.Found(joinStart)}.");
            }

            context = "after 'AND'";
        }
    }

    private static FilterClause ParseClause(SearchTextReader reader, string context)
    {
        var identifier = reader.ReadIdentifier(context);
        reader.SkipWhitespace();
        var operatorStart = reader.Position;
        var op = ReadOperator(reader, identifier);
        var operatorText = reader.Slice(operatorStart, reader.Position);
        CheckOperatorAllowed(reader, identifier, op, operatorStart);
        reader.SkipWhitespace();
        var valueContext = $"after '{identifier.Text} {operatorText}'";
        var value = op is ComparisonOperator.In or ComparisonOperator.NotIn
            ? ReadList(reader, valueContext)
            : IsNumeric(identifier)
                ? ReadNumberValue(reader, identifier, valueContext)
                : ReadTextValue(reader, identifier, valueContext);
        return new FilterClause(identifier.Entity, identifier.Key, op, value);
    }

    private static ComparisonOperator ReadOperator(SearchTextReader reader, SearchIdentifier identifier)
    {
        var start = reader.Position;
        if (reader.TryConsume("!="))
        {
            return ComparisonOperator.NotEqual;
        }

        if (reader.TryConsume(">="))
        {
            return ComparisonOperator.GreaterOrEqual;
        }

        if (reader.TryConsume("<="))
        {
            return ComparisonOperator.LessOrEqual;
        }

        if (reader.TryConsume('='))
        {
            return ComparisonOperator.Equal;
        }

        if (reader.TryConsume('>'))
        {
            return ComparisonOperator.Greater;
        }

        if (reader.TryConsume('<'))
        {
            return ComparisonOperator.Less;
        }

        var word = reader.ReadWord().ToUpperInvariant();
        switch (word)
        {
            case "LIKE":
                return ComparisonOperator.Like;
            case "ILIKE":
                return ComparisonOperator.ILike;
            case "IN":
                return ComparisonOperator.In;
            case "NOT":
                reader.SkipWhitespace();
                var inStart = reader.Position;
                if (reader.ReadWord().Equals("IN", StringComparison.OrdinalIgnoreCase))
                {
                    return ComparisonOperator.NotIn;
                }

                throw reader.Error(inStart, $"expected IN after 'NOT' but found {reader.Found(inStart)}.");
            default:
                throw reader.Error(start, $"expected a comparison operator ({AllOperators}) after '{identifier.Text}' but found {reader.Found(start)}.");
        }
    }

    private static void CheckOperatorAllowed(SearchTextReader reader, SearchIdentifier identifier, ComparisonOperator op, int position)
    {
        var numeric = IsNumeric(identifier);
        var allowed = op switch
        {
            ComparisonOperator.Equal or ComparisonOperator.NotEqual => true,
            ComparisonOperator.Greater or ComparisonOperator.GreaterOrEqual or ComparisonOperator.Less or ComparisonOperator.LessOrEqual => numeric,
            ComparisonOperator.Like or ComparisonOperator.ILike => !numeric,
            _ => identifier.Entity == SearchEntity.Attribute && RunAttributes.SupportsIn(identifier.Key),
        };
        if (allowed)
        {
            return;
        }

        var accepted = numeric
            ? "=, !=, >, >=, <, <= with a number"
            : identifier.Entity == SearchEntity.Attribute && RunAttributes.SupportsIn(identifier.Key)
                ? "=, !=, LIKE, ILIKE with a quoted string, or IN / NOT IN with a list of quoted strings"
                : "=, !=, LIKE, ILIKE with a quoted string";
        throw reader.Error(position, $"operator '{RunFilterFormatter.OperatorText(op)}' is not supported for '{identifier.Text}'; it accepts {accepted}.");
    }

    private static FilterValue ReadNumberValue(SearchTextReader reader, SearchIdentifier identifier, string context)
    {
        if (!reader.AtEnd && reader.Current is '\'' or '"')
        {
            var why = identifier.Entity == SearchEntity.Metric
                ? "metric values are numbers"
                : $"{identifier.Key} values are numbers (milliseconds since the Unix epoch)";
            throw reader.Error(reader.Position, $"expected a number {context} but found the string {reader.Found(reader.Position)}; {why}, write them without quotes.");
        }

        return FilterValue.OfNumber(reader.ReadNumber(context));
    }

    private static FilterValue ReadTextValue(SearchTextReader reader, SearchIdentifier identifier, string context)
    {
        var start = reader.Position;
        if (reader.AtEnd || reader.Current is not ('\'' or '"'))
        {
            var kind = identifier.Entity switch
            {
                SearchEntity.Param => "param values are strings",
                SearchEntity.Tag => "tag values are strings",
                _ => $"{identifier.Key} values are strings",
            };
            throw reader.Error(start, $"expected a quoted string such as 'value' {context} but found {reader.Found(start)}; {kind}, put them in single quotes.");
        }

        return FilterValue.OfText(reader.ReadString());
    }

    private static FilterValue ReadList(SearchTextReader reader, string context)
    {
        var open = reader.Position;
        if (!reader.TryConsume('('))
        {
            throw reader.Error(open, $"expected a parenthesised list of quoted strings such as ('a', 'b') {context} but found {reader.Found(open)}.");
        }

        var items = new List<string>();
        while (true)
        {
            reader.SkipWhitespace();
            if (reader.AtEnd)
            {
                throw reader.Error(open, "unbalanced parentheses: the list opened here is never closed with ')'.");
            }

            if (reader.Current == ')' && items.Count == 0)
            {
                throw reader.Error(reader.Position, $"the list {context} is empty; give at least one quoted string.");
            }

            if (reader.Current is not ('\'' or '"'))
            {
                throw reader.Error(reader.Position, $"expected a quoted string in the list {context} but found {reader.Found(reader.Position)}.");
            }

            items.Add(reader.ReadString());
            reader.SkipWhitespace();
            if (reader.AtEnd)
            {
                throw reader.Error(open, "unbalanced parentheses: the list opened here is never closed with ')'.");
            }

            if (reader.TryConsume(')'))
            {
                return FilterValue.OfList(items);
            }

            if (!reader.TryConsume(','))
            {
                throw reader.Error(reader.Position, $"expected ',' or ')' in the list {context} but found {reader.Found(reader.Position)}.");
            }
        }
    }

    private static bool IsNumeric(SearchIdentifier identifier) =>
        identifier.Entity == SearchEntity.Metric
        || (identifier.Entity == SearchEntity.Attribute && RunAttributes.IsNumeric(identifier.Key));
}
