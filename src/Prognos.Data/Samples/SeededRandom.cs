namespace Prognos.Data.Samples;

/// <summary>
/// xoshiro256** seeded through SplitMix64: our own generator so that a seed gives the same sequence on every
/// .NET version and platform (System.Random's seeded sequence is an implementation detail).
/// </summary>
internal sealed class SeededRandom
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    public SeededRandom(ulong seed)
    {
        var mixer = seed;
        _s0 = SplitMix64(ref mixer);
        _s1 = SplitMix64(ref mixer);
        _s2 = SplitMix64(ref mixer);
        _s3 = SplitMix64(ref mixer);
    }

    /// <summary>An independent stream for one purpose of one item, e.g. (seed, battery 17, "usage").</summary>
    public static SeededRandom For(long seed, int item, int purpose)
    {
        var mixer = unchecked((ulong)seed);
        var key = SplitMix64(ref mixer) ^ unchecked((ulong)item * 0x9E3779B97F4A7C15UL) ^ unchecked((ulong)purpose * 0xD1B54A32D192ED03UL);
        return new SeededRandom(key);
    }

    public ulong NextUInt64()
    {
        var result = RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [low, high).</summary>
    public double NextDouble(double low, double high) => low + (high - low) * NextDouble();

    /// <summary>Uniform integer in [low, high).</summary>
    public int NextInt(int low, int high) => low + (int)(NextDouble() * (high - low));

    public bool Chance(double probability) => NextDouble() < probability;

    /// <summary>Standard normal by Box–Muller (one of the pair is discarded to keep the stream simple).</summary>
    public double NextGaussian()
    {
        var u1 = 1.0 - NextDouble();
        var u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>Log-normal multiplier with median 1.</summary>
    public double NextLogNormal(double sigma) => Math.Exp(sigma * NextGaussian());

    /// <summary>Poisson count by Knuth's product method; fine for the small means used here.</summary>
    public int NextPoisson(double mean)
    {
        var limit = Math.Exp(-mean);
        var product = NextDouble();
        var count = 0;
        while (product > limit)
        {
            count++;
            product *= NextDouble();
        }

        return count;
    }

    public T Pick<T>(IReadOnlyList<T> items) => items[NextInt(0, items.Count)];

    private static ulong SplitMix64(ref ulong state)
    {
        state += 0x9E3779B97F4A7C15UL;
        var z = state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong RotateLeft(ulong value, int bits) => (value << bits) | (value >> (64 - bits));
}
