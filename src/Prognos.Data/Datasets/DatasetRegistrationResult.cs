using Prognos.Datasets;

namespace Prognos.Data.Datasets;

/// <summary>The version registered (or found, when <see cref="Created"/> is false) and the rows skipped as bad.</summary>
public sealed record DatasetRegistrationResult(DatasetVersion Version, bool Created, long Rejected, string? RejectsFile);
