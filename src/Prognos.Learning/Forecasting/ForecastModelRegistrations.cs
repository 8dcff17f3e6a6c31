namespace Prognos.Learning.Forecasting;

/// <summary>The one place that lists every fitted model kind that <see cref="ForecastModelFormat"/> can load.</summary>
internal static class ForecastModelRegistrations
{
    private static int _done;

    public static void EnsureRegistered()
    {
        if (Interlocked.Exchange(ref _done, 1) == 1)
        {
            return;
        }

        // Each model kind adds one line here: ForecastModelFormat.Register("ets", EtsFitted.Load);
        ForecastModelFormat.Register(Arima.ArimaFittedModel.Kind, Arima.ArimaFittedModel.Load);
    }
}
