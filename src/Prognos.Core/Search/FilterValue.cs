using System.Text;

namespace Prognos.Search;

/// <summary>
/// The right-hand side of a filter clause. Exactly one member is set: <see cref="Number"/> for metrics and numeric
/// attributes, <see cref="Text"/> for params, tags and string attributes, <see cref="List"/> for <c>IN</c> / <c>NOT IN</c>.
/// Equality compares the list item by item.
/// </summary>
public sealed record FilterValue(double? Number, string? Text, IReadOnlyList<string>? List)
{
    public static FilterValue OfNumber(double number) => new(number, null, null);

    public static FilterValue OfText(string text) => new(null, text, null);

    public static FilterValue OfList(IReadOnlyList<string> items) => new(null, null, items);

    public bool Equals(FilterValue? other) =>
        other is not null
        && Nullable.Equals(Number, other.Number)
        && string.Equals(Text, other.Text, StringComparison.Ordinal)
        && ListsEqual(List, other.List);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Number);
        hash.Add(Text, StringComparer.Ordinal);
        if (List is not null)
        {
            foreach (var item in List)
            {
                hash.Add(item, StringComparer.Ordinal);
            }
        }

        return hash.ToHashCode();
    }

    private static bool ListsEqual(IReadOnlyList<string>? left, IReadOnlyList<string>? right) =>
        left is null || right is null
            ? left is null && right is null
            : left.SequenceEqual(right, StringComparer.Ordinal);

    // Show the list items, not "System.String[]", in test failures and logs.
    private bool PrintMembers(StringBuilder builder)
    {
        if (Number is { } number)
        {
            builder.Append("Number = ").Append(number.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
        }
        else if (Text is not null)
        {
            builder.Append("Text = \"").Append(Text).Append('"');
        }
        else if (List is not null)
        {
            builder.Append("List = [").AppendJoin(", ", List.Select(item => $"\"{item}\"")).Append(']');
        }

        return true;
    }
}
