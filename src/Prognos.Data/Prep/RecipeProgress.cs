namespace Prognos.Data.Prep;

/// <summary>Progress of a run: <paramref name="Done"/> of <paramref name="Total"/> units (inputs, steps, outputs), and what is happening.</summary>
public sealed record RecipeProgress(int Done, int Total, string Description);
