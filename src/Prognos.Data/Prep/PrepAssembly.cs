namespace Prognos.Data.Prep;

/// <summary>Marker for the data layer assembly; the recipe engine lives beside it.</summary>
internal static class PrepAssembly;
