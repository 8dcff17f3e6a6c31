namespace Prognos.Data.Prep;

/// <summary>
/// One step of a recipe (dedupe, filter, resample, ...). It reads the previous step's result, or the relation
/// named by <see cref="Input"/>, and produces a new relation, named <see cref="As"/> if given.
/// </summary>
public abstract class RecipeStep
{
    private protected RecipeStep(StepHeader header)
    {
        Kind = header.Kind;
        Location = header.At;
        InputRef = header.Input;
        AsRef = header.As;
    }

    /// <summary>The step's kind as written in the recipe, e.g. <c>resample</c>.</summary>
    public string Kind { get; }

    /// <summary>Where the step is written.</summary>
    public SourceLocation Location { get; }

    /// <summary>The relation the step starts from, when not the previous step.</summary>
    public string? Input => InputRef?.Value;

    /// <summary>The name given to the step's result, if any.</summary>
    public string? As => AsRef?.Value;

    internal Located? InputRef { get; }

    internal Located? AsRef { get; }

    /// <summary>Other relations the step reads (join, concat, sql).</summary>
    internal virtual IReadOnlyList<Located> References => [];

    /// <summary>Names this step defines; a split defines two.</summary>
    internal virtual IReadOnlyList<Located> Defines => AsRef is { } a ? [a] : [];

    /// <summary>How many relations the step produces (one, or two for a split).</summary>
    internal virtual int OutputCount => 1;

    /// <summary>One SELECT per produced relation, over <see cref="StepBuild.Previous"/> and resolved references.</summary>
    internal abstract IReadOnlyList<string> BuildSql(StepBuild build);
}
