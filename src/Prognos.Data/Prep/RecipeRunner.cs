namespace Prognos.Data.Prep;

/// <summary>
/// Runs a recipe in one DuckDB database of its own. Names and columns are checked for every step before any step
/// runs; outputs are written to temporary files and moved into place only after every step and output succeeded,
/// so a failed run leaves no partial output.
/// </summary>
public static class RecipeRunner
{
    /// <summary>Runs <paramref name="recipe"/>; throws <see cref="Prognos.Errors.PrognosException"/> naming file:line and the fix.</summary>
    public static async Task<RecipeResult> RunAsync(Recipe recipe, RecipeContext context, IProgress<RecipeProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        ArgumentNullException.ThrowIfNull(context);
        var plan = RecipePlan.Build(recipe);
        var work = Directory.CreateDirectory(Path.Combine(context.TempDirectory ?? Path.GetTempPath(), "prognos-prep-" + Guid.NewGuid().ToString("N")));
        try
        {
            var run = new RecipeRun(recipe, plan, context, work.FullName, progress);
            // DuckDB's API is synchronous; keep its work off the caller's thread.
            return await Task.Run(() => run.RunAsync(cancellationToken), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            try
            {
                work.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is not worth failing a finished run for.
            }
        }
    }
}
