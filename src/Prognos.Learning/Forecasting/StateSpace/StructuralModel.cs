namespace Prognos.Learning.Forecasting.StateSpace;

/// <summary>
/// The state-space form of a structural model: states [level, slope?, γ₁..γ_{m−1}?] with the dummy seasonal
/// γ₁' = −Σγ_j, observation y = level + γ₁ + ε. Variances are ordered irregular, level, slope?, seasonal?.
/// </summary>
internal sealed class StructuralModel
{
    public StructuralModel(StructuralTrend trend, int seasonalPeriod)
    {
        Trend = trend;
        SeasonalPeriod = seasonalPeriod >= 2 ? seasonalPeriod : 0;
        HasSlope = trend == StructuralTrend.LocalLinearTrend;
        StateCount = 1 + (HasSlope ? 1 : 0) + (SeasonalPeriod > 0 ? SeasonalPeriod - 1 : 0);
        VarianceCount = 2 + (HasSlope ? 1 : 0) + (SeasonalPeriod > 0 ? 1 : 0);
        var k = StateCount;
        Transition = new double[k * k];
        Design = new double[k];
        Transition[0] = 1;
        Design[0] = 1;
        if (HasSlope)
        {
            Transition[1] = 1;
            Transition[k + 1] = 1;
        }

        if (SeasonalPeriod > 0)
        {
            var s = SeasonIndex;
            Design[s] = 1;
            for (var j = 0; j < SeasonalPeriod - 1; j++)
            {
                Transition[s * k + s + j] = -1;
            }

            for (var j = 1; j < SeasonalPeriod - 1; j++)
            {
                Transition[(s + j) * k + s + j - 1] = 1;
            }
        }

        // The transition is mostly zeros; filters multiply by its non-zero entries only (compressed rows).
        var starts = new int[k + 1];
        var columns = new List<int>();
        var values = new List<double>();
        for (var i = 0; i < k; i++)
        {
            starts[i] = columns.Count;
            for (var j = 0; j < k; j++)
            {
                if (Transition[i * k + j] != 0)
                {
                    columns.Add(j);
                    values.Add(Transition[i * k + j]);
                }
            }
        }

        starts[k] = columns.Count;
        RowStarts = starts;
        Columns = columns.ToArray();
        Values = values.ToArray();
    }

    /// <summary>Compressed-row form of <see cref="Transition"/>: row i's entries are at RowStarts[i]..RowStarts[i+1].</summary>
    public int[] RowStarts { get; }

    public int[] Columns { get; }

    public double[] Values { get; }

    public StructuralTrend Trend { get; }

    public int SeasonalPeriod { get; }

    public bool HasSlope { get; }

    public int StateCount { get; }

    public int VarianceCount { get; }

    public int SeasonIndex => HasSlope ? 2 : 1;

    /// <summary>Row-major k×k transition matrix.</summary>
    public double[] Transition { get; }

    /// <summary>The observation row Z.</summary>
    public double[] Design { get; }

    public IReadOnlyList<string> VarianceNames =>
        new[] { "sigma2.irregular", "sigma2.level" }
            .Concat(HasSlope ? ["sigma2.trend"] : [])
            .Concat(SeasonalPeriod > 0 ? ["sigma2.seasonal"] : [])
            .ToArray();

    /// <summary>Fills the diagonal of the state noise covariance from the state variances (all but the irregular).</summary>
    public void StateNoise(ReadOnlySpan<double> variances, Span<double> diagonal)
    {
        diagonal.Clear();
        diagonal[0] = variances[1];
        var next = 2;
        if (HasSlope)
        {
            diagonal[1] = variances[next++];
        }

        if (SeasonalPeriod > 0)
        {
            diagonal[SeasonIndex] = variances[next];
        }
    }

    public string Describe() =>
        (Trend == StructuralTrend.LocalLevel ? "Local level" : "Local linear trend")
        + (SeasonalPeriod > 0 ? $" + stochastic seasonal (m={SeasonalPeriod})" : string.Empty);
}
