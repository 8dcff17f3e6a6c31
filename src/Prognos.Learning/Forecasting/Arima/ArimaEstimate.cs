namespace Prognos.Learning.Forecasting.Arima;

/// <summary>The outcome of estimating one ARIMA model: coefficients, likelihood, residuals and the final filter state.</summary>
internal sealed record ArimaEstimate(
    ArimaOrder Order,
    ArimaEstimationMethod Method,
    string[] CoefficientNames,
    double[] Coefficients,
    int FreeParameterCount,
    double LogLikelihood,
    double Sigma2Likelihood,
    double SumOfSquaredResiduals,
    double[] Residuals,
    int UsedObservations,
    int SpanObservations,
    double[] Phi,
    double[] Theta,
    double[] Delta,
    double[] FilteredState,
    double[] FilteredCovariance,
    double[] LastRegressionErrors,
    double[] FirstRegressionErrors,
    bool Converged)
{
    /// <summary>
    /// Adds the residuals of the first d + D·m observations as R's diffuse-prior filter gives them (tiny but part of
    /// R's residuals and of forecast's σ²); done once for the chosen model rather than for every candidate.
    /// </summary>
    public ArimaEstimate WithDiffuseStartResiduals()
    {
        var nd = Delta.Length;
        if (nd == 0 || nd > Residuals.Length || !double.IsNaN(Residuals[0]))
        {
            return this;
        }

        var residuals = (double[])Residuals.Clone();
        var filter = new ArimaStateSpaceFilter(Phi.Length, Theta.Length);
        if (!filter.DiffuseStartResiduals(Phi, Theta, Delta, FirstRegressionErrors, residuals.AsSpan(0, nd)))
        {
            return this;
        }

        var extra = residuals.Take(nd).Where(e => !double.IsNaN(e)).Sum(e => e * e);
        return this with { Residuals = residuals, SumOfSquaredResiduals = SumOfSquaredResiduals + extra };
    }

    /// <summary>Parameters counted in the information criteria: free coefficients plus σ² (as R's forecast).</summary>
    public int ParameterCount => FreeParameterCount + 1;

    /// <summary>Observations after differencing, as R's nstar.</summary>
    public int EffectiveObservations => SpanObservations - Order.DifferencedLength;

    public double Aic => Method == ArimaEstimationMethod.ConditionalSumOfSquares ? double.NaN : (-2 * LogLikelihood) + (2 * ParameterCount);

    /// <summary>Residual variance with R forecast's degrees-of-freedom adjustment.</summary>
    public double Sigma2 => SumOfSquaredResiduals / (EffectiveObservations - ParameterCount + 1);

    public double Aicc(double aic) => aic + (2.0 * ParameterCount * (ParameterCount + 1) / (EffectiveObservations - ParameterCount - 1));

    public double Bic(double aic) => aic + (ParameterCount * (Math.Log(EffectiveObservations) - 2));

    public FitStatistics Statistics()
    {
        var aic = Aic;
        return new FitStatistics(LogLikelihood, aic, Aicc(aic), Bic(aic), Sigma2, ParameterCount);
    }
}
