using System.Globalization;
using System.Text;

namespace Prognos.Search;

/// <summary>
/// Renders parsed clauses back to canonical filter text that <see cref="RunFilterParser"/> reads back to the same
/// clauses: full prefixes, keys bare when safe and in backticks otherwise, strings in single quotes.
/// </summary>
public static class RunFilterFormatter
{
    public static string Format(IReadOnlyList<FilterClause> clauses)
    {
        ArgumentNullException.ThrowIfNull(clauses);
        return string.Join(" AND ", clauses.Select(FormatClause));
    }

    internal static string FormatIdentifier(SearchEntity entity, string key)
    {
        var prefix = entity switch
        {
            SearchEntity.Metric => "metrics",
            SearchEntity.Param => "params",
            SearchEntity.Tag => "tags",
            _ => "attributes",
        };
        return key.Length > 0 && key.All(IsBareKeyChar)
            ? $"{prefix}.{key}"
            : $"{prefix}.`{key.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("`", "``", StringComparison.Ordinal)}`";
    }

    internal static string OperatorText(ComparisonOperator op) => op switch
    {
        ComparisonOperator.Equal => "=",
        ComparisonOperator.NotEqual => "!=",
        ComparisonOperator.Greater => ">",
        ComparisonOperator.GreaterOrEqual => ">=",
        ComparisonOperator.Less => "<",
        ComparisonOperator.LessOrEqual => "<=",
        ComparisonOperator.Like => "LIKE",
        ComparisonOperator.ILike => "ILIKE",
        ComparisonOperator.In => "IN",
        ComparisonOperator.NotIn => "NOT IN",
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, null),
    };

    private static string FormatClause(FilterClause clause) =>
        $"{FormatIdentifier(clause.Entity, clause.Key)} {OperatorText(clause.Operator)} {FormatValue(clause.Value)}";

    private static string FormatValue(FilterValue value)
    {
        if (value.Number is { } number)
        {
            return number.ToString("R", CultureInfo.InvariantCulture);
        }

        if (value.Text is { } text)
        {
            return Quote(text);
        }

        if (value.List is { } list)
        {
            return new StringBuilder("(").AppendJoin(", ", list.Select(Quote)).Append(')').ToString();
        }

        throw new ArgumentException("A filter value needs a number, a text or a list.", nameof(value));
    }

    private static string Quote(string text) =>
        $"'{text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal)}'";

    private static bool IsBareKeyChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '/' or '.' or ':';
}
