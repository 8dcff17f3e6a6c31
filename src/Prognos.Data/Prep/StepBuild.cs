namespace Prognos.Data.Prep;

/// <summary>What a step sees while generating SQL: the previous relation, the named ones, and column checks.</summary>
internal sealed class StepBuild
{
    private readonly RecipeStep _step;
    private readonly Func<Located, Relation> _resolve;

    public StepBuild(RecipeStep step, Relation previous, Func<Located, Relation> resolve)
    {
        _step = step;
        PreviousRelation = previous;
        _resolve = resolve;
    }

    public Relation PreviousRelation { get; }

    public string Previous => PreviousRelation.Sql;

    public IReadOnlyList<RelationColumn> Schema => PreviousRelation.Columns;

    public Relation Resolve(Located name) => _resolve(name);

    public RelationColumn Column(Located name) => Column(name, PreviousRelation);

    public RelationColumn Column(Located name, Relation relation) =>
        relation.Columns.FirstOrDefault(c => c.Name == name.Value)
        ?? throw RecipeErrors.UnknownColumn(name.At, _step.Kind, name.Value, relation.Columns.Select(c => c.Name));

    public IReadOnlyList<string> Columns(IEnumerable<Located> names) => names.Select(n => Column(n).Name).ToList();

    public RelationColumn Temporal(Located name)
    {
        var c = Column(name);
        if (c.IsTemporal) return c;
        throw RecipeErrors.At(name.At, $"step '{_step.Kind}' needs '{name.Value}' to be a date or timestamp, but it is {c.DuckDbType}; "
            + $"add a step before it: - cast: {{ {name.Value}: timestamp }}.");
    }

    public RelationColumn Numeric(Located name)
    {
        var c = Column(name);
        if (c.IsNumeric) return c;
        throw RecipeErrors.At(name.At, $"step '{_step.Kind}' needs '{name.Value}' to be numeric, but it is {c.DuckDbType}; "
            + $"cast it first (- cast: {{ {name.Value}: double }}) or leave it out.");
    }
}
