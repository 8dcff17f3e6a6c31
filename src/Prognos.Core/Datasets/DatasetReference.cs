using System.Globalization;
using Prognos.Errors;

namespace Prognos.Datasets;

/// <summary>
/// A parsed dataset reference: <c>name:3</c> (a version), <c>name</c> or <c>name:latest</c> (the newest).
/// Names use letters, digits, '-', '_' and '.'.
/// </summary>
public sealed record DatasetReference(string Name, int? Version)
{
    public static DatasetReference Parse(string text, string field = "dataset")
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new PrognosException(ErrorCode.MissingParameter, $"'{field}' is empty; write NAME:VERSION, e.g. battery-daily:1.");
        }

        var colon = text.LastIndexOf(':');
        var name = colon < 0 ? text.Trim() : text[..colon].Trim();
        ValidateName(name, field);
        if (colon < 0)
        {
            return new DatasetReference(name, null);
        }

        var version = text[(colon + 1)..].Trim();
        if (version.Equals("latest", StringComparison.OrdinalIgnoreCase))
        {
            return new DatasetReference(name, null);
        }

        if (!int.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1)
        {
            throw PrognosException.InvalidParameter($"'{field}' '{text}' has version '{version}'; versions are whole numbers from 1 (or 'latest'), e.g. {name}:1.");
        }

        return new DatasetReference(name, number);
    }

    public static void ValidateName(string name, string field = "name")
    {
        if (name.Length is 0 or > 200 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.') || name.StartsWith('.'))
        {
            throw PrognosException.InvalidParameter($"'{field}' '{name}' is not a valid dataset name; use 1-200 letters, digits, '-', '_' or '.', e.g. battery-daily.");
        }
    }

    public override string ToString() => Version is { } v ? $"{Name}:{v}" : Name;
}
