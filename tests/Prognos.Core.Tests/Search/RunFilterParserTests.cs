using Prognos.Errors;
using Prognos.Search;
using Xunit;

namespace Prognos.Core.Tests.Search;

public sealed class RunFilterParserTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \t\n ")]
    public void No_filter_gives_no_clauses(string? filter) => Assert.Empty(RunFilterParser.Parse(filter));

    public static TheoryData<string, FilterClause> SingleClauses => new()
    {
        { "metrics.rmse < 0.5", Number(SearchEntity.Metric, "rmse", ComparisonOperator.Less, 0.5) },
        { "metric.rmse<=1e-3", Number(SearchEntity.Metric, "rmse", ComparisonOperator.LessOrEqual, 0.001) },
        { "metrics.rmse>=-2.5E+3", Number(SearchEntity.Metric, "rmse", ComparisonOperator.GreaterOrEqual, -2500) },
        { "metrics.rmse > .5", Number(SearchEntity.Metric, "rmse", ComparisonOperator.Greater, 0.5) },
        { "metrics.rmse != 5.", Number(SearchEntity.Metric, "rmse", ComparisonOperator.NotEqual, 5) },
        { "metrics.rmse = +7", Number(SearchEntity.Metric, "rmse", ComparisonOperator.Equal, 7) },
        { "metrics.a.b/c-d > 1", Number(SearchEntity.Metric, "a.b/c-d", ComparisonOperator.Greater, 1) },
        { "metrics.`my metric` > 1", Number(SearchEntity.Metric, "my metric", ComparisonOperator.Greater, 1) },
        { "metrics.\"val.loss\" > 1", Number(SearchEntity.Metric, "val.loss", ComparisonOperator.Greater, 1) },
        { "metrics.`a``b` > 1", Number(SearchEntity.Metric, "a`b", ComparisonOperator.Greater, 1) },
        { "METRICS.Rmse < 1", Number(SearchEntity.Metric, "Rmse", ComparisonOperator.Less, 1) },
        { "params.model = 'ets'", Text(SearchEntity.Param, "model", ComparisonOperator.Equal, "ets") },
        { "param.model != \"ets\"", Text(SearchEntity.Param, "model", ComparisonOperator.NotEqual, "ets") },
        { "params.learning-rate = '0.1'", Text(SearchEntity.Param, "learning-rate", ComparisonOperator.Equal, "0.1") },
        { "params.p = 'it''s'", Text(SearchEntity.Param, "p", ComparisonOperator.Equal, "it's") },
        { "params.p = 'it\\'s'", Text(SearchEntity.Param, "p", ComparisonOperator.Equal, "it's") },
        { "params.p = 'C:\\\\data'", Text(SearchEntity.Param, "p", ComparisonOperator.Equal, "C:\\data") },
        { "params.p = '100\\%'", Text(SearchEntity.Param, "p", ComparisonOperator.Equal, "100\\%") },
        { "params.p = \"say \"\"hi\"\"\"", Text(SearchEntity.Param, "p", ComparisonOperator.Equal, "say \"hi\"") },
        { "params.p = ''", Text(SearchEntity.Param, "p", ComparisonOperator.Equal, "") },
        { "params.p = 'a AND b OR c'", Text(SearchEntity.Param, "p", ComparisonOperator.Equal, "a AND b OR c") },
        { "tags.team LIKE 'fore%'", Text(SearchEntity.Tag, "team", ComparisonOperator.Like, "fore%") },
        { "tag.team ilike '%CAST'", Text(SearchEntity.Tag, "team", ComparisonOperator.ILike, "%CAST") },
        { "tags.\"mlflow.runName\" = 'x'", Text(SearchEntity.Tag, "mlflow.runName", ComparisonOperator.Equal, "x") },
        { "tags.mlflow.user = 'ana'", Text(SearchEntity.Tag, "mlflow.user", ComparisonOperator.Equal, "ana") },
        { "attributes.status = 'FINISHED'", Text(SearchEntity.Attribute, RunAttributes.Status, ComparisonOperator.Equal, "FINISHED") },
        { "attribute.run_name LIKE 'ets-%'", Text(SearchEntity.Attribute, RunAttributes.RunName, ComparisonOperator.Like, "ets-%") },
        { "attr.artifact_uri ILIKE 's3://%'", Text(SearchEntity.Attribute, RunAttributes.ArtifactUri, ComparisonOperator.ILike, "s3://%") },
        { "run.user_id != 'bot'", Text(SearchEntity.Attribute, RunAttributes.UserId, ComparisonOperator.NotEqual, "bot") },
        { "attributes.lifecycle_stage = 'active'", Text(SearchEntity.Attribute, RunAttributes.LifecycleStage, ComparisonOperator.Equal, "active") },
        { "attributes.START_TIME > 1700000000000", Number(SearchEntity.Attribute, RunAttributes.StartTime, ComparisonOperator.Greater, 1700000000000) },
        { "attributes.created >= 5", Number(SearchEntity.Attribute, RunAttributes.StartTime, ComparisonOperator.GreaterOrEqual, 5) },
        { "attributes.end_time <= 9", Number(SearchEntity.Attribute, RunAttributes.EndTime, ComparisonOperator.LessOrEqual, 9) },
        { "attributes.`run_id` = 'abc'", Text(SearchEntity.Attribute, RunAttributes.RunId, ComparisonOperator.Equal, "abc") },
        { "attributes.run_id IN ('a', \"b\",'c')", List(ComparisonOperator.In, "a", "b", "c") },
        { "attributes.run_id in('a')", List(ComparisonOperator.In, "a") },
        { "run.run_id NOT IN ( 'a' , 'b' )", List(ComparisonOperator.NotIn, "a", "b") },
        { "attributes.run_id not   in ('x,y')", List(ComparisonOperator.NotIn, "x,y") },
    };

    [Theory]
    [MemberData(nameof(SingleClauses))]
    public void Parses_one_clause(string filter, FilterClause expected) =>
        Assert.Equal([expected], RunFilterParser.Parse(filter));

    [Fact]
    public void Joins_clauses_with_and_in_any_case_and_whitespace()
    {
        var clauses = RunFilterParser.Parse("  metrics.a > 1 and\tparams.b = 'x'\nAnD tags.c LIKE 'y%'  ");

        Assert.Equal(
            [
                Number(SearchEntity.Metric, "a", ComparisonOperator.Greater, 1),
                Text(SearchEntity.Param, "b", ComparisonOperator.Equal, "x"),
                Text(SearchEntity.Tag, "c", ComparisonOperator.Like, "y%"),
            ],
            clauses);
    }

    [Fact]
    public void Operator_error_names_position_identifier_and_what_was_found()
    {
        var error = Assert.Throws<PrognosException>(() => RunFilterParser.Parse("params.a = 'x' AND metrics.rmse rmse2"));

        Assert.Equal(ErrorCode.InvalidParameterValue, error.Code);
        Assert.Equal(
            "Invalid filter at position 33: expected a comparison operator (=, !=, >, >=, <, <=, LIKE, ILIKE, IN) after 'metrics.rmse' but found 'rmse2'.",
            error.Message);
    }

    [Theory]
    [InlineData("metrics.a > 1 OR metrics.b > 2", 15, "only AND is supported")]
    [InlineData("metrics.a > 1 or metrics.b > 2", 15, "OR is not supported")]
    [InlineData("metrics.a > 1 AND", 18, "after 'AND'", "end of filter")]
    [InlineData("metrics.a > 1 AND   ", 21, "after 'AND'", "end of filter")]
    [InlineData("metrics.a = 1 AND AND metrics.b = 1", 19, "after 'AND'", "found 'AND'")]
    [InlineData("metrics.a > 1 metrics.b > 2", 15, "expected AND or the end of the filter after the clause 'metrics.a > 1'", "found 'metrics.b'")]
    [InlineData("metrics.a = 1 ANDmetrics.b = 2", 15, "expected AND", "'ANDmetrics.b'")]
    [InlineData("metrics.a > 1)", 14, "unbalanced parentheses", "')'")]
    [InlineData("(metrics.a > 1)", 1, "parentheses for grouping are not supported")]
    [InlineData("rmse > 1", 1, "expected an identifier such as metrics.rmse", "at the start of the filter", "found 'rmse'")]
    [InlineData("'x' = 1", 1, "expected an identifier", "found \"'x'\"")]
    [InlineData("foo.rmse > 1", 1, "unknown identifier prefix 'foo'", "metrics., params., tags. or attributes.")]
    [InlineData("metrics. > 1", 9, "expected a key after 'metrics.'", "found whitespace", "metrics.`my key`")]
    [InlineData("metrics.=1", 9, "expected a key after 'metrics.'", "found '=1'")]
    [InlineData("metrics.", 9, "expected a key after 'metrics.'", "end of filter")]
    [InlineData("metrics.`` > 1", 9, "quoted key after 'metrics.' is empty")]
    [InlineData("metrics.`abc > 1", 9, "unbalanced quote", "never closed")]
    [InlineData("metrics.rmse", 13, "expected a comparison operator", "after 'metrics.rmse'", "end of filter")]
    [InlineData("metrics.a ! 1", 11, "expected a comparison operator", "found '!'")]
    [InlineData("metrics.a == 1", 12, "expected a number after 'metrics.a ='", "found '='")]
    [InlineData("metrics.a >", 12, "expected a number after 'metrics.a >'", "end of filter")]
    [InlineData("metrics.a > 'x'", 13, "metric values are numbers", "found the string \"'x'\"")]
    [InlineData("metrics.a > \"1\"", 13, "metric values are numbers")]
    [InlineData("metrics.a > 1.2.3", 13, "expected a number", "'1.2.3'")]
    [InlineData("metrics.a > 12abc", 13, "expected a number", "'12abc'")]
    [InlineData("metrics.a > 1e", 13, "expected a number", "'1e'")]
    [InlineData("metrics.a > -", 13, "expected a number", "'-'")]
    [InlineData("metrics.a > 1e999", 13, "out of range")]
    [InlineData("metrics.a LIKE '%'", 11, "operator 'LIKE' is not supported for 'metrics.a'", "=, !=, >, >=, <, <= with a number")]
    [InlineData("metrics.a IN (1)", 11, "operator 'IN' is not supported")]
    [InlineData("params.a > 'x'", 10, "operator '>' is not supported for 'params.a'", "=, !=, LIKE, ILIKE with a quoted string")]
    [InlineData("params.a IN ('x')", 10, "operator 'IN' is not supported")]
    [InlineData("tags.a NOT IN ('x')", 8, "operator 'NOT IN' is not supported")]
    [InlineData("params.a = 1", 12, "expected a quoted string such as 'value' after 'params.a ='", "found '1'", "param values are strings")]
    [InlineData("tags.a = abc", 10, "tag values are strings")]
    [InlineData("params.a =", 11, "expected a quoted string", "end of filter")]
    [InlineData("params.a = 'abc", 12, "unbalanced quote", "string opened with ' here is never closed")]
    [InlineData("params.a = 'abc\\'", 12, "unbalanced quote")]
    [InlineData("params.a = \"abc", 12, "unbalanced quote", "opened with \"")]
    [InlineData("attributes.foo = 'x'", 12, "unknown attribute 'foo'", "run_id, run_name, status, start_time, end_time, artifact_uri, user_id, lifecycle_stage")]
    [InlineData("attributes.status > 'x'", 19, "operator '>' is not supported for 'attributes.status'")]
    [InlineData("attributes.status IN ('a')", 19, "operator 'IN' is not supported")]
    [InlineData("attributes.start_time = 'x'", 25, "start_time values are numbers (milliseconds since the Unix epoch)")]
    [InlineData("attributes.created LIKE '1%'", 20, "operator 'LIKE' is not supported for 'attributes.created'")]
    [InlineData("attributes.status = 1", 21, "status values are strings")]
    [InlineData("attributes.run_id > 'a'", 19, "IN / NOT IN with a list of quoted strings")]
    [InlineData("attributes.run_id IN 'a'", 22, "expected a parenthesised list of quoted strings", "after 'attributes.run_id IN'")]
    [InlineData("attributes.run_id IN ('a', 'b'", 22, "unbalanced parentheses", "never closed with ')'")]
    [InlineData("attributes.run_id IN ('a', ", 22, "unbalanced parentheses")]
    [InlineData("attributes.run_id IN ()", 23, "is empty")]
    [InlineData("attributes.run_id IN ('a' 'b')", 27, "expected ',' or ')'", "found \"'b')\"")]
    [InlineData("attributes.run_id IN ('a', 1)", 28, "expected a quoted string in the list", "found '1)'")]
    [InlineData("attributes.run_id IN ('a',)", 27, "expected a quoted string in the list")]
    [InlineData("attributes.run_id NOT 'a'", 23, "expected IN after 'NOT'")]
    [InlineData("attributes.run_id IN ('a')) AND metrics.a > 1", 27, "unbalanced parentheses")]
    public void Rejects_invalid_filters_naming_the_position(string filter, int position, params string[] fragments) =>
        SearchAssert.InvalidAt(() => RunFilterParser.Parse(filter), "filter", position, fragments);

    [Fact]
    public void Long_unexpected_text_is_shortened_in_the_message()
    {
        var error = SearchAssert.InvalidAt(() => RunFilterParser.Parse("metrics.a " + new string('x', 200)), "filter", 11);

        Assert.Contains("...'", error.Message, StringComparison.Ordinal);
        Assert.True(error.Message.Length < 250, error.Message);
    }

    private static FilterClause Number(SearchEntity entity, string key, ComparisonOperator op, double value) =>
        new(entity, key, op, FilterValue.OfNumber(value));

    private static FilterClause Text(SearchEntity entity, string key, ComparisonOperator op, string value) =>
        new(entity, key, op, FilterValue.OfText(value));

    private static FilterClause List(ComparisonOperator op, params string[] items) =>
        new(SearchEntity.Attribute, RunAttributes.RunId, op, FilterValue.OfList(items));
}
