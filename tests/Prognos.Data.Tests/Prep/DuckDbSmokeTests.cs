using DuckDB.NET.Data;
using Xunit;

namespace Prognos.Data.Tests.Prep;

public sealed class DuckDbSmokeTests
{
    [Fact]
    public void DuckDbLoadsAndRoundTripsParquet()
    {
        var dir = Directory.CreateTempSubdirectory("prognos-duck-");
        using var c = new DuckDBConnection("DataSource=:memory:");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT 42";
        Assert.Equal(42, Convert.ToInt32(cmd.ExecuteScalar()));
        var p = Path.Combine(dir.FullName, "x.parquet");
        cmd.CommandText = $"COPY (SELECT range AS i FROM range(10)) TO '{p}' (FORMAT PARQUET)";
        cmd.ExecuteNonQuery();
        cmd.CommandText = $"SELECT sum(i)::BIGINT FROM read_parquet('{p}')";
        Assert.Equal(45, Convert.ToInt64(cmd.ExecuteScalar()));
        // Built in, so usable without network: the readers and writers recipes rely on.
        cmd.CommandText = "SELECT string_agg(extension_name, ',' ORDER BY extension_name) FROM duckdb_extensions() WHERE loaded";
        var loaded = ((string)cmd.ExecuteScalar()!).Split(',');
        Assert.Contains("parquet", loaded);
        Assert.Contains("json", loaded);
        Assert.Contains("icu", loaded);
    }
}
