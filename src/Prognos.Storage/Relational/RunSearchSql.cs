using System.Globalization;
using System.Text;
using Prognos.Errors;
using Prognos.Search;
using Prognos.Tracking;

namespace Prognos.Storage.Relational;

/// <summary>
/// Turns a run search (MLflow filter grammar, order by, paging) into one SQL query over
/// runs ⋈ latest_metrics / params / tags. Every value is a parameter; keys are parameters too.
/// </summary>
internal sealed record RunSearchSql(string Text, (string Name, object Value)[] Parameters, int Offset, int PageSize, string QueryHash)
{
    public static RunSearchSql Build(RunSearchQuery query, Func<string, string, string> iLike)
    {
        if (query.ExperimentIds.Count == 0)
        {
            throw PrognosException.InvalidParameter("'experiment_ids' is empty; give at least one experiment to search.");
        }

        if (query.MaxResults is < 1 or > RunSearchQuery.MaxMaxResults)
        {
            throw PrognosException.InvalidParameter($"'max_results' is {query.MaxResults}; it must be between 1 and {RunSearchQuery.MaxMaxResults}.");
        }

        var clauses = RunFilterParser.Parse(query.Filter);
        var orderBy = OrderByParser.Parse(query.OrderBy);
        var hash = SearchPageToken.HashQuery(query.ExperimentIds, query.Filter, query.OrderBy);
        var offset = string.IsNullOrEmpty(query.PageToken) ? 0 : SearchPageToken.Decode(query.PageToken, hash).Offset;

        var parameters = new List<(string, object)>();
        string Param(object value)
        {
            var name = "p" + parameters.Count.ToString(CultureInfo.InvariantCulture);
            parameters.Add((name, value));
            return "@" + name;
        }

        var joins = new StringBuilder();
        var where = new StringBuilder();
        var experimentIds = query.ExperimentIds.Select(id =>
            long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                ? n
                : throw PrognosException.InvalidParameter($"Experiment id '{id}' is not a number; pass experiment ids (see 'prognos experiment list').")).ToList();
        where.Append("r.experiment_id IN (").AppendJoin(", ", experimentIds.Select(id => Param(id))).Append(')');
        where.Append(query.ViewType switch
        {
            ViewType.ActiveOnly => " AND r.lifecycle_stage = 'active'",
            ViewType.DeletedOnly => " AND r.lifecycle_stage = 'deleted'",
            _ => "",
        });

        // Inner joins for metric/param/tag filters. One whose comparison rejects NULL also serves as the ORDER BY
        // column for its key, so "metrics.rmse < 10 ... ORDER BY metrics.rmse" needs no second join and no CASE.
        var filterJoins = new List<(string Alias, string Table, string Key, string Condition, bool RejectsNull)>();
        for (var i = 0; i < clauses.Count; i++)
        {
            var clause = clauses[i];
            switch (clause.Entity)
            {
                case SearchEntity.Metric:
                case SearchEntity.Param:
                case SearchEntity.Tag:
                    var table = TableOf(clause.Entity);
                    var rejectsNull = !(clause.Operator == ComparisonOperator.NotIn && clause.Value.List is not { Count: > 0 });
                    filterJoins.Add(($"f{i}", table, clause.Key, $"f{i}.key = {Param(clause.Key)}", rejectsNull));
                    where.Append(" AND ").Append(Compare($"f{i}.value", clause, Param, iLike));
                    break;
                default:
                    where.Append(" AND ").Append(Compare("r." + AttributeColumn(clause.Key), clause, Param, iLike));
                    break;
            }
        }

        var order = new StringBuilder();
        string? driver = null;
        for (var i = 0; i < orderBy.Count; i++)
        {
            var item = orderBy[i];
            var direction = item.Ascending ? "ASC" : "DESC";
            if (item.Entity is SearchEntity.Metric or SearchEntity.Param or SearchEntity.Tag)
            {
                var table = TableOf(item.Entity);
                var filtered = filterJoins.FirstOrDefault(f => f.RejectsNull && f.Table == table && f.Key == item.Key);
                if (filtered.Alias is not null)
                {
                    // Every row has the key (inner join) with a non-NULL value: plain order, no missing-last CASE.
                    order.Append($"{filtered.Alias}.value {direction}, ");
                    driver ??= i == 0 ? filtered.Alias : null;
                    continue;
                }

                joins.Append($" LEFT JOIN {table} o{i} ON o{i}.run_id = r.run_id AND o{i}.key = {Param(item.Key)}");
                // Runs missing the key sort last, whatever the direction (MLflow's rule).
                order.Append($"CASE WHEN o{i}.value IS NULL THEN 1 ELSE 0 END, o{i}.value {direction}, ");
            }
            else
            {
                var column = "r." + AttributeColumn(item.Key);
                order.Append($"CASE WHEN {column} IS NULL THEN 1 ELSE 0 END, {column} {direction}, ");
            }
        }

        // Ordered by a filtered key, the first page is the start of that key's (key, value, run_id) index: read it
        // in order and stop after a page. SQLite's planner would rather start from the other filters (its statistics
        // average over all keys), so CROSS JOIN fixes the loop order there; PostgreSQL reorders CROSS JOINs freely.
        string from;
        if (driver is not null)
        {
            var first = filterJoins.Single(f => f.Alias == driver);
            var fromText = new StringBuilder($"{first.Table} {first.Alias}");
            where.Append($" AND {first.Condition}");
            foreach (var f in filterJoins.Where(f => f.Alias != driver))
            {
                fromText.Append($" CROSS JOIN {f.Table} {f.Alias}");
                where.Append($" AND {f.Alias}.run_id = {first.Alias}.run_id AND {f.Condition}");
            }

            fromText.Append(" CROSS JOIN runs r");
            where.Append($" AND r.run_id = {first.Alias}.run_id");
            from = fromText.ToString();
        }
        else
        {
            from = "runs r" + string.Concat(filterJoins.Select(f => $" JOIN {f.Table} {f.Alias} ON {f.Alias}.run_id = r.run_id AND {f.Condition}"));
        }

        order.Append("r.start_time DESC, r.run_id ASC");
        var pageSize = query.MaxResults;
        var sql = $"SELECT r.run_id, r.experiment_id, r.run_name, r.status, r.start_time, r.end_time, r.lifecycle_stage, r.artifact_uri, r.user_id, r.parent_run_id " +
            $"FROM {from}{joins} WHERE {where} ORDER BY {order} LIMIT {Param(pageSize + 1)} OFFSET {Param(offset)}";
        return new RunSearchSql(sql, parameters.ToArray(), offset, pageSize, hash);
    }

    private static string TableOf(SearchEntity entity) => entity switch
    {
        SearchEntity.Metric => "latest_metrics",
        SearchEntity.Param => "params",
        _ => "tags",
    };

    private static string AttributeColumn(string key) => key switch
    {
        "run_id" or "run_name" or "status" or "start_time" or "end_time" or "artifact_uri" or "user_id" or "lifecycle_stage" => key,
        _ => throw PrognosException.InvalidParameter($"Unknown run attribute '{key}'; use one of run_id, run_name, status, start_time, end_time, artifact_uri, user_id, lifecycle_stage."),
    };

    private static string Compare(string column, FilterClause clause, Func<object, string> param, Func<string, string, string> iLike)
    {
        var value = clause.Value;
        object scalar = value.Number is { } number ? number : (object?)value.Text ?? "";
        if (clause.Entity == SearchEntity.Attribute && clause.Key == "status" && scalar is string status)
        {
            scalar = status.ToUpperInvariant();
        }

        return clause.Operator switch
        {
            ComparisonOperator.Equal => $"{column} = {param(scalar)}",
            ComparisonOperator.NotEqual => $"{column} <> {param(scalar)}",
            ComparisonOperator.Greater => $"{column} > {param(scalar)}",
            ComparisonOperator.GreaterOrEqual => $"{column} >= {param(scalar)}",
            ComparisonOperator.Less => $"{column} < {param(scalar)}",
            ComparisonOperator.LessOrEqual => $"{column} <= {param(scalar)}",
            ComparisonOperator.Like => $"{column} LIKE {param(scalar)} ESCAPE '\\'",
            ComparisonOperator.ILike => iLike(column, param(scalar)),
            ComparisonOperator.In when value.List is not { Count: > 0 } => "1 = 0",
            ComparisonOperator.NotIn when value.List is not { Count: > 0 } => "1 = 1",
            ComparisonOperator.In => $"{column} IN ({string.Join(", ", (value.List ?? []).Select(v => param(v)))})",
            ComparisonOperator.NotIn => $"{column} NOT IN ({string.Join(", ", (value.List ?? []).Select(v => param(v)))})",
            _ => throw PrognosException.InvalidParameter($"Unsupported operator {clause.Operator}."),
        };
    }
}
