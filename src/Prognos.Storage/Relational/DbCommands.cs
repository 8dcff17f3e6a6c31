using System.Data.Common;

namespace Prognos.Storage.Relational;

/// <summary>Parameterised ADO.NET commands, the one way the stores talk SQL.</summary>
internal static class DbCommands
{
    public static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    public static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, sql);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The parameters of a metric row command: <c>@id, @k, @v, @n, @t, @s</c> (value NULL and is_nan 1 for NaN).</summary>
    public static (string Name, object Value)[] MetricRowParameters(string runId) =>
        [("id", runId), ("k", ""), ("v", 0.0), ("n", (short)0), ("t", 0L), ("s", 0L)];

    /// <summary>Binds one metric point to a command made with <see cref="MetricRowParameters"/>.</summary>
    public static void BindMetric(DbCommand command, Prognos.Tracking.Metric metric)
    {
        var nan = double.IsNaN(metric.Value);
        command.Parameters[1].Value = metric.Key;
        command.Parameters[2].Value = nan ? DBNull.Value : metric.Value;
        command.Parameters[3].Value = nan ? (short)1 : (short)0;
        command.Parameters[4].Value = metric.Timestamp;
        command.Parameters[5].Value = metric.Step;
    }
}
