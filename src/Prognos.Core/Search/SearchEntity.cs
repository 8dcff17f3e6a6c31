namespace Prognos.Search;

/// <summary>What a filter or order_by identifier refers to: the part before the dot in <c>metrics.rmse</c>.</summary>
public enum SearchEntity
{
    /// <summary><c>metrics.</c> / <c>metric.</c>: the latest value of a metric; compared as a number.</summary>
    Metric,

    /// <summary><c>params.</c> / <c>param.</c>: a logged parameter; compared as a string.</summary>
    Param,

    /// <summary><c>tags.</c> / <c>tag.</c>: a run tag; compared as a string.</summary>
    Tag,

    /// <summary><c>attributes.</c> / <c>attribute.</c> / <c>attr.</c> / <c>run.</c>: one of <see cref="RunAttributes.Names"/>.</summary>
    Attribute,
}
