namespace Prognos.Learning.Forecasting.Arima;

/// <summary>Sums the concentrated likelihood needs: Σ v²/F, Σ log F and the number of observations used.</summary>
internal readonly record struct LikelihoodSums(double SumOfSquares, double SumLogGain, int Count)
{
    /// <summary>0.5·(log(ssq/ν) + Σ log F / ν): minus the log-likelihood per observation up to constants (R's armafn).</summary>
    public double Objective => 0.5 * (Math.Log(SumOfSquares / Count) + (SumLogGain / Count));
}
