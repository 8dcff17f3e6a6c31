using Prognos.Errors;
using Prognos.Search;
using Xunit;

namespace Prognos.Core.Tests.Search;

public sealed class OrderByParserTests
{
    [Fact]
    public void No_order_by_gives_no_clauses()
    {
        Assert.Empty(OrderByParser.Parse(null));
        Assert.Empty(OrderByParser.Parse([]));
    }

    [Fact]
    public void Parses_entries_in_order_with_ascending_as_the_default()
    {
        var clauses = OrderByParser.Parse(
        [
            "metrics.rmse",
            "metrics.mae DESC",
            "params.model asc",
            "tags.`data set` desc",
            "  run.run_name  ",
            "attributes.created DESC",
            "attr.Status",
        ]);

        Assert.Equal(
            [
                new OrderByClause(SearchEntity.Metric, "rmse", true),
                new OrderByClause(SearchEntity.Metric, "mae", false),
                new OrderByClause(SearchEntity.Param, "model", true),
                new OrderByClause(SearchEntity.Tag, "data set", false),
                new OrderByClause(SearchEntity.Attribute, RunAttributes.RunName, true),
                new OrderByClause(SearchEntity.Attribute, RunAttributes.StartTime, false),
                new OrderByClause(SearchEntity.Attribute, RunAttributes.Status, true),
            ],
            clauses);
    }

    [Theory]
    [InlineData("metrics.rmse DESCX", 14, "expected ASC or DESC after 'metrics.rmse'", "found 'DESCX'")]
    [InlineData("metrics.rmse 1", 14, "expected ASC or DESC", "found '1'")]
    [InlineData("metrics.rmse DESC extra", 19, "unexpected 'extra' after 'DESC'")]
    [InlineData("metrics.rmse ASC, metrics.mae", 14, "expected ASC or DESC", "found 'ASC,'")]
    [InlineData("attributes.foo", 12, "unknown attribute 'foo'", "run_id, run_name, status")]
    [InlineData("rmse", 1, "expected an identifier such as metrics.rmse", "found 'rmse'")]
    [InlineData("metrics.`rmse", 9, "unbalanced quote")]
    [InlineData("metrics.", 9, "expected a key after 'metrics.'", "end of entry")]
    public void Rejects_invalid_entries_naming_entry_and_position(string entry, int position, params string[] fragments) =>
        SearchAssert.InvalidAt(() => OrderByParser.Parse([entry]), $"order_by entry 1 ('{entry}')", position, fragments);

    [Fact]
    public void Names_the_entry_that_is_wrong()
    {
        var error = SearchAssert.InvalidAt(
            () => OrderByParser.Parse(["metrics.rmse", "params.model sideways"]),
            "order_by entry 2 ('params.model sideways')",
            14);

        Assert.Contains("found 'sideways'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Rejects_an_empty_entry(string? entry)
    {
        var error = Assert.Throws<PrognosException>(() => OrderByParser.Parse(["metrics.rmse", entry!]));

        Assert.Equal(ErrorCode.InvalidParameterValue, error.Code);
        Assert.StartsWith("Invalid order_by entry 2: it is empty", error.Message, StringComparison.Ordinal);
    }
}
