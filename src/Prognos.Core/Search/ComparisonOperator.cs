namespace Prognos.Search;

/// <summary>The comparison in one filter clause.</summary>
public enum ComparisonOperator
{
    /// <summary><c>=</c></summary>
    Equal,

    /// <summary><c>!=</c></summary>
    NotEqual,

    /// <summary><c>&gt;</c></summary>
    Greater,

    /// <summary><c>&gt;=</c></summary>
    GreaterOrEqual,

    /// <summary><c>&lt;</c></summary>
    Less,

    /// <summary><c>&lt;=</c></summary>
    LessOrEqual,

    /// <summary><c>LIKE</c>: case-sensitive pattern with <c>%</c> and <c>_</c> wildcards.</summary>
    Like,

    /// <summary><c>ILIKE</c>: case-insensitive pattern with <c>%</c> and <c>_</c> wildcards.</summary>
    ILike,

    /// <summary><c>IN ('a', 'b')</c>; only for <c>attributes.run_id</c>.</summary>
    In,

    /// <summary><c>NOT IN ('a', 'b')</c>; only for <c>attributes.run_id</c>.</summary>
    NotIn,
}
