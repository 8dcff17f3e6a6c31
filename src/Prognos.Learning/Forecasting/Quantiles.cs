namespace Prognos.Learning.Forecasting;

/// <summary>Distribution quantiles and empirical quantiles used for prediction intervals.</summary>
internal static class Quantiles
{
    public static double Normal(double p) => MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, p);

    public static double StudentT(double p, double degreesOfFreedom) => global::MathNet.Numerics.Distributions.StudentT.InvCDF(0, 1, degreesOfFreedom, p);

    /// <summary>Empirical quantile with linear interpolation (R's type 7); sorts <paramref name="values"/> in place.</summary>
    public static double Empirical(Span<double> values, double p)
    {
        values.Sort();
        var position = p * (values.Length - 1);
        var low = (int)Math.Floor(position);
        var high = Math.Min(low + 1, values.Length - 1);
        return values[low] + (position - low) * (values[high] - values[low]);
    }
}
