using FsCheck;
using FsCheck.Fluent;
using Prognos.Search;

namespace Prognos.Core.Tests.Search;

/// <summary>Generators for the search property tests, registered with <c>[Property(Arbitrary = ...)]</c>.</summary>
public static class SearchArbitraries
{
    private static readonly ComparisonOperator[] NumericOperators =
    [
        ComparisonOperator.Equal, ComparisonOperator.NotEqual, ComparisonOperator.Greater,
        ComparisonOperator.GreaterOrEqual, ComparisonOperator.Less, ComparisonOperator.LessOrEqual,
    ];

    private static readonly ComparisonOperator[] TextOperators =
        [ComparisonOperator.Equal, ComparisonOperator.NotEqual, ComparisonOperator.Like, ComparisonOperator.ILike];

    // Characters that stress quoting and escaping: quotes of every kind, backslash, wildcards, spaces, non-ASCII.
    private static readonly char[] TrickyChars =
        "abcXYZ019_-./:%' \"`\\()=<>!,\té漢\n".ToCharArray();

    private static readonly string[] FilterFragments =
    [
        "metrics.", "params.", "tags.", "attributes.", "attr.", "run.", "rmse", "run_id", "start_time", "status", "foo",
        "`", "\"", "'", "''", "\\", "(", ")", ",", " ", "  ", "=", "!=", ">", ">=", "<", "<=", "!", "LIKE", "ilike",
        "IN", "NOT", "AND", "and", "OR", "1", "-2.5", "1e3", "1e", ".", "e", "'x'", "%", "\t", "é",
    ];

    public static Arbitrary<FilterClause> FilterClause() => Arb.From(ClauseGen());

    public static Arbitrary<FilterLikeText> FilterLikeText() =>
        Arb.From(Gen.ListOf(Gen.Elements(FilterFragments)).Select(parts => new FilterLikeText(string.Concat(parts))));

    private static Gen<FilterClause> ClauseGen() =>
        Gen.OneOf(
            from key in KeyGen()
            from op in Gen.Elements(NumericOperators)
            from number in NumberGen()
            select new FilterClause(SearchEntity.Metric, key, op, FilterValue.OfNumber(number)),
            from entity in Gen.Elements(SearchEntity.Param, SearchEntity.Tag)
            from key in KeyGen()
            from op in Gen.Elements(TextOperators)
            from text in TextGen()
            select new FilterClause(entity, key, op, FilterValue.OfText(text)),
            from key in Gen.Elements(RunAttributes.StartTime, RunAttributes.EndTime)
            from op in Gen.Elements(NumericOperators)
            from number in NumberGen()
            select new FilterClause(SearchEntity.Attribute, key, op, FilterValue.OfNumber(number)),
            from key in Gen.Elements(RunAttributes.Names.Where(name => !RunAttributes.IsNumeric(name)))
            from op in Gen.Elements(TextOperators)
            from text in TextGen()
            select new FilterClause(SearchEntity.Attribute, key, op, FilterValue.OfText(text)),
            from op in Gen.Elements(ComparisonOperator.In, ComparisonOperator.NotIn)
            from items in Gen.NonEmptyListOf(TextGen())
            select new FilterClause(SearchEntity.Attribute, RunAttributes.RunId, op, FilterValue.OfList(items.ToArray())));

    private static Gen<string> KeyGen() =>
        Gen.OneOf(
            Gen.Elements("rmse", "val.loss", "loss/val", "learning-rate", "mlflow.runName", "a:b"),
            Gen.NonEmptyListOf(Gen.Elements(TrickyChars)).Select(chars => new string(chars.ToArray())));

    private static Gen<string> TextGen() =>
        Gen.ListOf(Gen.Elements(TrickyChars)).Select(chars => new string(chars.ToArray()));

    private static Gen<double> NumberGen() =>
        Gen.OneOf(
            Gen.Choose(-100_000, 100_000).Select(i => (double)i),
            Gen.Choose(-100_000_000, 100_000_000).Select(i => i / 1000.0),
            Gen.Elements(0.0, -0.0, 1e-300, -5e-324, double.Epsilon, double.MaxValue, double.MinValue, 1700000000000.0, 0.1 + 0.2),
            from parts in Gen.Four(Gen.Choose(0, 0xFFFF))
            let bits = ((long)parts.Item1 << 48) | ((long)parts.Item2 << 32) | ((long)parts.Item3 << 16) | (long)parts.Item4
            let number = BitConverter.Int64BitsToDouble(bits)
            where double.IsFinite(number)
            select number);
}
