namespace Prognos.Data.Prep;

/// <summary>One column of a DuckDB relation: its name and DuckDB type (e.g. BIGINT, DOUBLE, TIMESTAMP, VARCHAR).</summary>
public sealed record RelationColumn(string Name, string DuckDbType)
{
    /// <summary>True for integer, decimal and floating-point types.</summary>
    public bool IsNumeric => DuckDbType is "TINYINT" or "SMALLINT" or "INTEGER" or "BIGINT" or "HUGEINT" or "UTINYINT"
        or "USMALLINT" or "UINTEGER" or "UBIGINT" or "FLOAT" or "DOUBLE" || DuckDbType.StartsWith("DECIMAL", StringComparison.Ordinal);

    /// <summary>True for integer types.</summary>
    public bool IsInteger => DuckDbType is "TINYINT" or "SMALLINT" or "INTEGER" or "BIGINT" or "HUGEINT" or "UTINYINT"
        or "USMALLINT" or "UINTEGER" or "UBIGINT";

    /// <summary>True for DATE and TIMESTAMP types.</summary>
    public bool IsTemporal => DuckDbType is "DATE" || DuckDbType.StartsWith("TIMESTAMP", StringComparison.Ordinal);
}
