namespace Prognos.Data.Samples;

/// <summary>Separate random streams per purpose, so adding a glitch never changes a battery's true usage.</summary>
internal static class RandomPurpose
{
    public const int Profile = 1;
    public const int Usage = 2;
    public const int Glitches = 3;
    public const int Groups = 4;
    public const int Notes = 5;
}
