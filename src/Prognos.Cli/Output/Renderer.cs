using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Prognos.Errors;
using Spectre.Console;

namespace Prognos.Cli.Output;

/// <summary>Prints a command's result: stable JSON with <c>--json</c>, tables and lines otherwise.</summary>
internal sealed class Renderer(CliContext context, bool json)
{
    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public bool IsJson => json;

    /// <summary>Prints <paramref name="value"/> as JSON, or runs <paramref name="human"/>.</summary>
    public void Emit(object value, Action human)
    {
        if (json)
        {
            context.Out.WriteLine(JsonSerializer.Serialize(value, value.GetType(), JsonOptions));
        }
        else
        {
            human();
        }
    }

    public void Line(string text) => context.Out.WriteLine(text);

    /// <summary>A progress or status line for long work: human mode only, so JSON stays parseable.</summary>
    public void Status(string text)
    {
        if (!json)
        {
            context.Out.WriteLine(text);
        }
    }

    public void Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, string? title = null)
    {
        var table = new Table().Border(TableBorder.Rounded);
        if (title is not null)
        {
            table.Title(Markup.Escape(title));
        }

        foreach (var header in headers)
        {
            table.AddColumn(new TableColumn(Markup.Escape(header)));
        }

        foreach (var row in rows)
        {
            table.AddRow(row.Select(cell => new Text(cell)).ToArray());
        }

        context.Console.Write(table);
    }

    /// <summary>Key/value pairs as a two-column grid.</summary>
    public void Properties(IEnumerable<(string Key, string Value)> pairs)
    {
        var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        foreach (var (key, value) in pairs)
        {
            grid.AddRow(new Text(key + ":"), new Text(value));
        }

        context.Console.Write(grid);
    }

    public void Error(ErrorCode code, string message)
    {
        if (json)
        {
            context.Out.WriteLine(JsonSerializer.Serialize(new ErrorView(code.WireName(), message), JsonOptions));
        }
        else
        {
            context.Error.WriteLine($"error: {message} [{code.WireName()}]");
        }
    }

    private sealed record ErrorView(string ErrorCode, string Message);
}
