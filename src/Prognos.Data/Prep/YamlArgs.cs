using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Prognos.Data.Prep;

/// <summary>
/// Typed reads from one YAML node of a recipe. Every value keeps its line and column, unknown keys are
/// refused (a misspelt key must not be silently ignored), and every complaint names the fix.
/// </summary>
internal sealed class YamlArgs
{
    private readonly YamlNode _node;
    private readonly string _file;
    private readonly string _what;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public YamlArgs(YamlNode node, string file, string what)
    {
        _node = node;
        _file = file;
        _what = what;
    }

    public SourceLocation At => Loc(_node);

    /// <summary>The same node, described differently in messages (e.g. "step 'dedupe'").</summary>
    public YamlArgs Named(string what) => new(_node, _file, what);

    public bool IsScalar => _node is YamlScalarNode;

    public bool IsSequence => _node is YamlSequenceNode;

    public bool IsMapping => _node is YamlMappingNode;

    public SourceLocation Loc(YamlNode node) => new(_file, (int)node.Start.Line, (int)node.Start.Column);

    public Located Scalar()
    {
        if (_node is YamlScalarNode s && s.Value is not null) return new Located(s.Value, At);
        throw RecipeErrors.At(At, $"{_what} expects a single value here, not a {Shape(_node)}.");
    }

    public IReadOnlyList<Located> ScalarList()
    {
        if (_node is YamlScalarNode) return [Scalar()];
        if (_node is YamlSequenceNode seq) return seq.Children.Select(c => new YamlArgs(c, _file, _what).Scalar()).ToList();
        throw RecipeErrors.At(At, $"{_what} expects a value or a list [a, b], not a {Shape(_node)}.");
    }

    public IReadOnlyList<YamlArgs> Items()
    {
        if (_node is YamlSequenceNode seq) return seq.Children.Select(c => new YamlArgs(c, _file, _what)).ToList();
        throw RecipeErrors.At(At, $"{_what} expects a list (lines starting with '- '), not a {Shape(_node)}.");
    }

    /// <summary>The entries of a mapping in written order (for rename, cast, aggregations).</summary>
    public IReadOnlyList<(Located Key, YamlArgs Value)> Entries()
    {
        var map = Mapping();
        return map.Children.Select(kv => (new YamlArgs(kv.Key, _file, _what).Scalar(), new YamlArgs(kv.Value, _file, $"{_what} '{kv.Key}'"))).ToList();
    }

    public YamlArgs? Optional(string key)
    {
        var map = Mapping();
        _read.Add(key);
        foreach (var kv in map.Children)
        {
            if (kv.Key is YamlScalarNode k && k.Value == key) return new YamlArgs(kv.Value, _file, $"'{key}' of {_what}");
        }
        return null;
    }

    public YamlArgs Required(string key, string example) =>
        Optional(key) ?? throw RecipeErrors.At(At, $"{_what} needs '{key}'; add it, for example {example}.");

    public Located String(string key, string example) => Required(key, example).Scalar();

    public Located? OptionalString(string key) => Optional(key)?.Scalar();

    public IReadOnlyList<Located> List(string key, string example) => Required(key, example).ScalarList();

    public IReadOnlyList<Located> OptionalList(string key) => Optional(key)?.ScalarList() ?? [];

    public int Int(string key, int? fallback, string example)
    {
        var v = fallback is null ? String(key, example) : OptionalString(key);
        if (v is null) return fallback!.Value;
        if (int.TryParse(v.Value.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 0) return n;
        throw RecipeErrors.At(v.Value.At, $"'{key}' of {_what} must be a whole number >= 0, not '{v.Value.Value}'.");
    }

    public double Double(string key, double? fallback, string example)
    {
        var v = fallback is null ? String(key, example) : OptionalString(key);
        if (v is null) return fallback!.Value;
        if (double.TryParse(v.Value.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)) return d;
        throw RecipeErrors.At(v.Value.At, $"'{key}' of {_what} must be a number, not '{v.Value.Value}'.");
    }

    public string Choice(string key, string fallback, params string[] allowed)
    {
        var v = OptionalString(key);
        if (v is null) return fallback;
        var s = v.Value.Value.ToLowerInvariant();
        if (allowed.Contains(s)) return s;
        throw RecipeErrors.At(v.Value.At, $"'{key}' of {_what} is '{v.Value.Value}'; use one of: {string.Join(", ", allowed)}.");
    }

    /// <summary>Refuses keys nobody asked for, e.g. a misspelt `order_bye`.</summary>
    public void RejectUnknownKeys()
    {
        if (_node is not YamlMappingNode map) return;
        foreach (var kv in map.Children)
        {
            var key = (kv.Key as YamlScalarNode)?.Value ?? "";
            if (!_read.Contains(key))
            {
                throw RecipeErrors.At(Loc(kv.Key), $"{_what} has no setting '{key}'; known settings are: {string.Join(", ", _read.Order(StringComparer.Ordinal))}. "
                    + RecipeErrors.Suggest(key, _read) + "Remove or fix it.");
            }
        }
    }

    private YamlMappingNode Mapping() => _node as YamlMappingNode
        ?? throw RecipeErrors.At(At, $"{_what} expects settings (key: value lines or {{ key: value }}), not a {Shape(_node)}.");

    private static string Shape(YamlNode node) => node switch
    {
        YamlScalarNode s => $"single value '{s.Value}'",
        YamlSequenceNode => "list",
        _ => "mapping",
    };
}
