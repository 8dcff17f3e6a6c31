namespace Prognos.Learning.Forecasting;

/// <summary>The one place that lists every fitted model kind that <see cref="ForecastModelFormat"/> can load.</summary>
internal static class ForecastModelRegistrations
{
    private static int _done;

    public static void EnsureRegistered()
    {
        // Registering twice is harmless; marking done only afterwards means no caller sees a half-filled table.
        if (Volatile.Read(ref _done) == 1)
        {
            return;
        }

        // Each model kind adds one line here.
        ForecastModelFormat.Register(Baselines.BaselineFitted.KindName, Baselines.BaselineFitted.Load);
        ForecastModelFormat.Register(Ets.EtsFitted.KindName, Ets.EtsFitted.Load);
        ForecastModelFormat.Register(Theta.ThetaFitted.KindName, Theta.ThetaFitted.Load);
        ForecastModelFormat.Register(Intermittent.IntermittentFitted.KindName, Intermittent.IntermittentFitted.Load);
        ForecastModelFormat.Register(StateSpace.StructuralFitted.KindName, StateSpace.StructuralFitted.Load);
        ForecastModelFormat.Register(Ensembles.EnsembleFitted.KindName, Ensembles.EnsembleFitted.Load);
        ForecastModelFormat.Register(Arima.ArimaFittedModel.Kind, Arima.ArimaFittedModel.Load);
        Volatile.Write(ref _done, 1);
    }
}
