using System.Text.Json;
using System.Text.Json.Nodes;

namespace Prognos.Learning.Forecasting;

/// <summary>
/// Saves and loads fitted forecasters as versioned JSON: <c>{"format":1,"kind":"ets","state":{...}}</c>.
/// Each fitted model kind registers a loader for its own state.
/// </summary>
public static class ForecastModelFormat
{
    public const int Version = 1;

    private static readonly Dictionary<string, Func<JsonObject, IFittedForecaster>> Loaders = new(StringComparer.Ordinal);

    /// <summary>Registers how to rebuild a fitted model of <paramref name="kind"/> from its saved state.</summary>
    internal static void Register(string kind, Func<JsonObject, IFittedForecaster> loader)
    {
        lock (Loaders)
        {
            Loaders[kind] = loader;
        }
    }

    /// <summary>Writes the envelope around a model's state.</summary>
    internal static void Write(Stream stream, string kind, JsonObject state)
    {
        var envelope = new JsonObject { ["format"] = Version, ["kind"] = kind, ["state"] = state };
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false });
        envelope.WriteTo(writer);
    }

    public static IFittedForecaster Load(Stream stream)
    {
        ForecastModelRegistrations.EnsureRegistered();
        var node = JsonNode.Parse(stream) as JsonObject
            ?? throw new ForecastingException("The model file is not a Prognos forecaster (expected a JSON object).");
        var format = node["format"]?.GetValue<int>() ?? 0;
        if (format > Version)
        {
            throw new ForecastingException($"The model was saved with format {format}, newer than this Prognos reads ({Version}); upgrade Prognos.");
        }

        var kind = node["kind"]?.GetValue<string>() ?? throw new ForecastingException("The model file has no 'kind'.");
        Func<JsonObject, IFittedForecaster>? loader;
        lock (Loaders)
        {
            Loaders.TryGetValue(kind, out loader);
        }

        if (loader is null)
        {
            throw new ForecastingException($"Unknown forecaster kind '{kind}' in the model file.");
        }

        return loader(node["state"] as JsonObject ?? throw new ForecastingException("The model file has no 'state'."));
    }
}
