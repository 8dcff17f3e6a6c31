using Prognos.Errors;

namespace Prognos.Data.Prep;

/// <summary>Builds the recipe's errors: every message starts with file:line:column and ends with the fix.</summary>
internal static class RecipeErrors
{
    public static PrognosException At(SourceLocation at, string message, Exception? inner = null) =>
        new(ErrorCode.InvalidParameterValue, $"{at}: {message}", inner);

    public static PrognosException UnknownColumn(SourceLocation at, string stepKind, string column, IEnumerable<string> columns) =>
        At(at, $"step '{stepKind}' refers to column '{column}', which does not exist; columns are: {string.Join(", ", columns)}. "
            + Suggest(column, columns) + "Fix the column name in the recipe.");

    public static string Suggest(string name, IEnumerable<string> candidates)
    {
        var best = candidates
            .Select(c => (c, d: Distance(name.ToLowerInvariant(), c.ToLowerInvariant())))
            .Where(x => x.d <= Math.Max(2, name.Length / 3))
            .OrderBy(x => x.d)
            .Select(x => x.c)
            .FirstOrDefault();
        return best is null ? "" : $"Did you mean '{best}'? ";
    }

    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
            }
        }
        return d[a.Length, b.Length];
    }
}
