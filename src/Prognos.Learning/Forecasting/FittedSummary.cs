using System.Globalization;
using System.Text.Json.Nodes;

namespace Prognos.Learning.Forecasting;

/// <summary>What every fitted model reports about itself, saved alongside its own state.</summary>
internal sealed record FittedSummary(
    string Name,
    string Description,
    IReadOnlyDictionary<string, double> Parameters,
    FitStatistics Statistics,
    double[] Fitted,
    DateTime LastTimestamp,
    Frequency Frequency)
{
    public JsonObject ToJson()
    {
        var parameters = new JsonObject();
        foreach (var (key, value) in Parameters)
        {
            parameters[key] = ModelJson.Number(value);
        }

        return new JsonObject
        {
            ["name"] = Name,
            ["description"] = Description,
            ["parameters"] = parameters,
            ["statistics"] = new JsonObject
            {
                ["loglik"] = ModelJson.Number(Statistics.LogLikelihood),
                ["aic"] = ModelJson.Number(Statistics.Aic),
                ["aicc"] = ModelJson.Number(Statistics.Aicc),
                ["bic"] = ModelJson.Number(Statistics.Bic),
                ["sigma2"] = ModelJson.Number(Statistics.Sigma2),
                ["k"] = Statistics.ParameterCount,
            },
            ["fitted"] = ModelJson.Array(Fitted),
            ["last"] = LastTimestamp.ToString("O", CultureInfo.InvariantCulture),
            ["unit"] = Frequency.Unit.ToString(),
            ["multiple"] = Frequency.Multiple,
        };
    }

    public static FittedSummary FromJson(JsonObject node)
    {
        var parameters = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (key, value) in ModelJson.Object(node, "parameters"))
        {
            parameters[key] = ModelJson.ReadNumber(value);
        }

        var stats = ModelJson.Object(node, "statistics");
        return new FittedSummary(
            ModelJson.String(node, "name"),
            ModelJson.String(node, "description"),
            parameters,
            new FitStatistics(
                ModelJson.Double(stats, "loglik"),
                ModelJson.Double(stats, "aic"),
                ModelJson.Double(stats, "aicc"),
                ModelJson.Double(stats, "bic"),
                ModelJson.Double(stats, "sigma2"),
                ModelJson.Int(stats, "k")),
            ModelJson.Doubles(node, "fitted"),
            DateTime.Parse(ModelJson.String(node, "last"), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
            new Frequency(Enum.Parse<FrequencyUnit>(ModelJson.String(node, "unit")), ModelJson.Int(node, "multiple")));
    }
}
