using Prognos.Learning.Forecasting;

namespace Prognos.Bench.Forecasting;

/// <summary>One benchmark series split into the part models see and the held-out actuals they are scored on.</summary>
internal sealed record HoldoutSeries(string Id, TimeSeries Train, double[] Test);
