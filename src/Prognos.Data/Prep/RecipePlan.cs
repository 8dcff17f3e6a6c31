namespace Prognos.Data.Prep;

/// <summary>
/// Resolves every name a recipe uses and orders the steps so each runs after what it reads. A step without
/// `input:` continues from the step written above it; join, concat and sql may name results defined further down,
/// so the order is a topological sort (written order where free), and a cycle is an error.
/// </summary>
internal sealed class RecipePlan
{
    private RecipePlan(IReadOnlyList<int> order, IReadOnlyDictionary<string, RelationRef> names, IReadOnlyList<RelationRef> sources, IReadOnlyList<RelationRef> outputs)
    {
        Order = order;
        Names = names;
        Sources = sources;
        Outputs = outputs;
    }

    /// <summary>Step indices in the order they run.</summary>
    public IReadOnlyList<int> Order { get; }

    public IReadOnlyDictionary<string, RelationRef> Names { get; }

    /// <summary>Per step, the relation it starts from.</summary>
    public IReadOnlyList<RelationRef> Sources { get; }

    /// <summary>Per output, the relation it writes.</summary>
    public IReadOnlyList<RelationRef> Outputs { get; }

    public static RecipePlan Build(Recipe recipe)
    {
        if (recipe.Inputs.Count == 0)
        {
            throw RecipeErrors.At(new SourceLocation(recipe.SourceName, 1, 1), "the recipe has no inputs; add inputs: { raw: data/raw.csv }.");
        }
        var names = new Dictionary<string, RelationRef>(StringComparer.Ordinal);
        for (var i = 0; i < recipe.Inputs.Count; i++) names[recipe.Inputs[i].Name] = RelationRef.OfInput(i);
        for (var s = 0; s < recipe.Steps.Count; s++)
        {
            var defines = recipe.Steps[s].Defines;
            for (var o = 0; o < defines.Count; o++) names[defines[o].Value] = RelationRef.OfStep(s, o);
        }

        RelationRef Resolve(Located name, string who) => names.TryGetValue(name.Value, out var r)
            ? r
            : throw RecipeErrors.At(name.At, $"{who} refers to '{name.Value}', which is not an input or a named step result; names are: "
                + $"{string.Join(", ", names.Keys)}. " + RecipeErrors.Suggest(name.Value, names.Keys)
                + "Fix the name, or name a step's result with as: NAME.");

        var sources = new List<RelationRef>();
        var deps = new List<HashSet<int>>();
        for (var s = 0; s < recipe.Steps.Count; s++)
        {
            var step = recipe.Steps[s];
            var who = $"step '{step.Kind}'";
            var source = step.InputRef is { } input ? Resolve(input, who)
                : s > 0 ? RelationRef.OfStep(s - 1)
                : RelationRef.OfInput(0);
            sources.Add(source);
            var d = new HashSet<int>();
            if (source.IsStep) d.Add(source.Step);
            foreach (var r in step.References.Select(x => Resolve(x, who)).Where(r => r.IsStep)) d.Add(r.Step);
            deps.Add(d);
        }

        var outputs = recipe.Outputs.Select(o => o.From is { } from
            ? Resolve(new Located(from, o.Location), $"output '{o.Target}'")
            : recipe.Steps.Count > 0 ? RelationRef.OfStep(recipe.Steps.Count - 1) : RelationRef.OfInput(0)).ToList();

        return new RecipePlan(Sort(recipe, deps), names, sources, outputs);
    }

    private static List<int> Sort(Recipe recipe, List<HashSet<int>> deps)
    {
        var order = new List<int>();
        var done = new HashSet<int>();
        while (order.Count < deps.Count)
        {
            var next = Enumerable.Range(0, deps.Count).FirstOrDefault(s => !done.Contains(s) && deps[s].All(done.Contains), -1);
            if (next < 0) throw Cycle(recipe, deps, done);
            order.Add(next);
            done.Add(next);
        }
        return order;
    }

    private static Exception Cycle(Recipe recipe, List<HashSet<int>> deps, HashSet<int> done)
    {
        // Walk unfinished dependencies from any stuck step until a step repeats: that loop is the cycle.
        var path = new List<int> { Enumerable.Range(0, deps.Count).First(s => !done.Contains(s)) };
        while (true)
        {
            var next = deps[path[^1]].First(d => !done.Contains(d));
            var seen = path.IndexOf(next);
            if (seen >= 0)
            {
                var loop = path.Skip(seen).Append(next).Select(s => $"'{recipe.Steps[s].Kind}' (line {recipe.Steps[s].Location.Line})");
                var first = recipe.Steps[next];
                return RecipeErrors.At(first.Location, $"steps read each other's results in a cycle: {string.Join(" needs ", loop)}. "
                    + "Make one of them read an earlier result (input:, join with:, concat) so the steps can run in order.");
            }
            path.Add(next);
        }
    }
}
