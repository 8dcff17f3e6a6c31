using System.Globalization;
using System.Text.Json.Nodes;

namespace Prognos.Learning.Forecasting.Arima;

/// <summary>Everything a fitted ARIMA model needs to forecast, and its JSON form (format 1, kind "arima").</summary>
internal sealed record ArimaModelState(
    string Name,
    string Description,
    string? FallbackReason,
    ArimaOrder Order,
    string[] CoefficientNames,
    double[] Coefficients,
    string[] RegressorNames,
    ArimaRegressorKind[] RegressorKinds,
    double[] Phi,
    double[] Theta,
    double[] Delta,
    double[] FilteredState,
    double[] FilteredCovariance,
    double[] LastRegressionErrors,
    int TrainingLength,
    double Sigma2,
    FitStatistics Statistics,
    double[] Fitted,
    DateTime LastTimestamp,
    Frequency Frequency)
{
    public int ArmaCount => Order.ArmaCount;

    public JsonObject ToJson() => new()
    {
        ["name"] = Name,
        ["description"] = Description,
        ["fallbackReason"] = FallbackReason,
        ["order"] = new JsonArray(Order.P, Order.D, Order.Q, Order.SeasonalP, Order.SeasonalD, Order.SeasonalQ, Order.Period),
        ["coefficientNames"] = new JsonArray([.. CoefficientNames.Select(n => (JsonNode?)JsonValue.Create(n))]),
        ["coefficients"] = Numbers(Coefficients),
        ["regressorNames"] = new JsonArray([.. RegressorNames.Select(n => (JsonNode?)JsonValue.Create(n))]),
        ["regressorKinds"] = new JsonArray([.. RegressorKinds.Select(k => (JsonNode?)JsonValue.Create(k.ToString()))]),
        ["phi"] = Numbers(Phi),
        ["theta"] = Numbers(Theta),
        ["delta"] = Numbers(Delta),
        ["filteredState"] = Numbers(FilteredState),
        ["filteredCovariance"] = Numbers(FilteredCovariance),
        ["lastRegressionErrors"] = Numbers(LastRegressionErrors),
        ["trainingLength"] = TrainingLength,
        ["sigma2"] = Number(Sigma2),
        ["statistics"] = new JsonObject
        {
            ["logLikelihood"] = Number(Statistics.LogLikelihood),
            ["aic"] = Number(Statistics.Aic),
            ["aicc"] = Number(Statistics.Aicc),
            ["bic"] = Number(Statistics.Bic),
            ["sigma2"] = Number(Statistics.Sigma2),
            ["parameterCount"] = Statistics.ParameterCount,
        },
        ["fitted"] = Numbers(Fitted),
        ["lastTimestamp"] = LastTimestamp.ToString("O", CultureInfo.InvariantCulture),
        ["frequency"] = new JsonObject { ["unit"] = Frequency.Unit.ToString(), ["multiple"] = Frequency.Multiple },
    };

    public static ArimaModelState FromJson(JsonObject json)
    {
        try
        {
            var order = json["order"]!.AsArray().Select(n => n!.GetValue<int>()).ToArray();
            var statistics = json["statistics"]!.AsObject();
            var frequency = json["frequency"]!.AsObject();
            return new ArimaModelState(
                json["name"]!.GetValue<string>(),
                json["description"]!.GetValue<string>(),
                json["fallbackReason"]?.GetValue<string>(),
                new ArimaOrder(order[0], order[1], order[2], order[3], order[4], order[5], order[6]),
                Strings(json["coefficientNames"]),
                ReadNumbers(json["coefficients"]),
                Strings(json["regressorNames"]),
                [.. Strings(json["regressorKinds"]).Select(Enum.Parse<ArimaRegressorKind>)],
                ReadNumbers(json["phi"]),
                ReadNumbers(json["theta"]),
                ReadNumbers(json["delta"]),
                ReadNumbers(json["filteredState"]),
                ReadNumbers(json["filteredCovariance"]),
                ReadNumbers(json["lastRegressionErrors"]),
                json["trainingLength"]!.GetValue<int>(),
                ReadNumber(json["sigma2"]),
                new FitStatistics(
                    ReadNumber(statistics["logLikelihood"]),
                    ReadNumber(statistics["aic"]),
                    ReadNumber(statistics["aicc"]),
                    ReadNumber(statistics["bic"]),
                    ReadNumber(statistics["sigma2"]),
                    statistics["parameterCount"]!.GetValue<int>()),
                ReadNumbers(json["fitted"]),
                DateTime.Parse(json["lastTimestamp"]!.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
                new Frequency(Enum.Parse<FrequencyUnit>(frequency["unit"]!.GetValue<string>()), frequency["multiple"]!.GetValue<int>()));
        }
        catch (Exception e) when (e is NullReferenceException or InvalidOperationException or FormatException or ArgumentException or IndexOutOfRangeException)
        {
            throw new ForecastingException($"The ARIMA model state is incomplete or malformed ({e.Message}); re-save the model with this version of Prognos.");
        }
    }

    // JSON has no NaN or infinity: they are written as strings so they survive the round trip.
    private static JsonNode? Number(double value) => double.IsFinite(value) ? JsonValue.Create(value) : JsonValue.Create(value.ToString(CultureInfo.InvariantCulture));

    private static JsonArray Numbers(double[] values) => new([.. values.Select(Number)]);

    private static double ReadNumber(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text)
        ? double.Parse(text, CultureInfo.InvariantCulture)
        : node!.GetValue<double>();

    private static double[] ReadNumbers(JsonNode? node) => [.. node!.AsArray().Select(ReadNumber)];

    private static string[] Strings(JsonNode? node) => [.. node!.AsArray().Select(n => n!.GetValue<string>())];
}
