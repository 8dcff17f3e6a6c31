using System.Globalization;
using System.Text.Json.Nodes;

namespace Prognos.Learning.Forecasting;

/// <summary>Reads and writes the numbers in saved model state; NaN and infinities are kept as strings so JSON stays valid.</summary>
internal static class ModelJson
{
    public static JsonNode Number(double value) =>
        double.IsFinite(value) ? JsonValue.Create(value) : JsonValue.Create(value.ToString(CultureInfo.InvariantCulture));

    public static JsonArray Array(ReadOnlySpan<double> values)
    {
        var array = new JsonArray();
        foreach (var value in values)
        {
            array.Add(Number(value));
        }

        return array;
    }

    public static double ReadNumber(JsonNode? node) => node switch
    {
        JsonValue value when value.TryGetValue<double>(out var d) => d,
        JsonValue value when value.TryGetValue<string>(out var s) => double.Parse(s, CultureInfo.InvariantCulture),
        _ => throw new ForecastingException("The model file has a malformed number."),
    };

    public static double Double(JsonObject node, string key) => ReadNumber(Required(node, key));

    public static int Int(JsonObject node, string key) => Required(node, key).GetValue<int>();

    public static bool Bool(JsonObject node, string key) => Required(node, key).GetValue<bool>();

    public static string String(JsonObject node, string key) => Required(node, key).GetValue<string>();

    public static double[] Doubles(JsonObject node, string key) =>
        Required(node, key).AsArray().Select(ReadNumber).ToArray();

    public static JsonObject Object(JsonObject node, string key) =>
        Required(node, key) as JsonObject ?? throw new ForecastingException($"The model file's '{key}' is not an object.");

    private static JsonNode Required(JsonObject node, string key) =>
        node[key] ?? throw new ForecastingException($"The model file has no '{key}'; it may be truncated or from another program.");
}
