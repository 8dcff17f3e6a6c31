namespace Prognos.Bench.Data;

/// <summary>The <c>--name value</c> options of the data benchmarks; each one runs in its own process so its peak memory is its own.</summary>
internal sealed class DataBenchArgs
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    private DataBenchArgs()
    {
    }

    public static DataBenchArgs Parse(string[] args)
    {
        var parsed = new DataBenchArgs();
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"expected --name value pairs, got '{args[i]}'");
            }

            parsed._values[args[i][2..]] = args[++i];
        }

        return parsed;
    }

    public string Required(string name) =>
        _values.TryGetValue(name, out var value) ? value : throw new ArgumentException($"--{name} is required");

    public string Optional(string name, string fallback) => _values.GetValueOrDefault(name, fallback);
}
