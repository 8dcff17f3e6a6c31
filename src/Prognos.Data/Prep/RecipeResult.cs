namespace Prognos.Data.Prep;

/// <summary>The outcome of a successful run: inputs, steps (in the order they ran) and outputs, with timings.</summary>
public sealed record RecipeResult(
    string RecipeName,
    IReadOnlyList<InputResult> Inputs,
    IReadOnlyList<StepResult> Steps,
    IReadOnlyList<OutputResult> Outputs,
    TimeSpan Elapsed);
