using System.Globalization;
using System.Text;
using Prognos.Errors;

namespace Prognos.Search;

/// <summary>
/// A cursor over filter or order_by text with the lexical rules both share: identifiers, quoted strings, numbers.
/// Every error names the 1-based position and what was expected.
/// </summary>
internal sealed class SearchTextReader
{
    private const int MaxFoundLength = 40;

    private readonly string _text;
    private readonly string _subject;
    private readonly string _endDescription;

    public SearchTextReader(string text, string subject, string endDescription)
    {
        _text = text;
        _subject = subject;
        _endDescription = endDescription;
    }

    public int Position { get; private set; }

    public bool AtEnd => Position >= _text.Length;

    public char Current => _text[Position];

    public void SkipWhitespace()
    {
        while (!AtEnd && char.IsWhiteSpace(Current))
        {
            Position++;
        }
    }

    public bool TryConsume(char expected)
    {
        if (AtEnd || Current != expected)
        {
            return false;
        }

        Position++;
        return true;
    }

    public bool TryConsume(string expected)
    {
        if (string.CompareOrdinal(_text, Position, expected, 0, expected.Length) != 0)
        {
            return false;
        }

        Position += expected.Length;
        return true;
    }

    /// <summary>Reads a run of ASCII letters (a keyword such as AND, LIKE, DESC); empty when none.</summary>
    public string ReadWord()
    {
        var start = Position;
        while (!AtEnd && char.IsAsciiLetter(Current))
        {
            Position++;
        }

        return _text[start..Position];
    }

    public void Rewind(int position) => Position = position;

    public PrognosException Error(int position, string message) =>
        PrognosException.InvalidParameter($"Invalid {_subject} at position {position + 1}: {message}");

    /// <summary>What stands at <paramref name="position"/>, quoted for a message: the next word, or "end of ...".</summary>
    public string Found(int position)
    {
        if (position >= _text.Length)
        {
            return _endDescription;
        }

        if (char.IsWhiteSpace(_text[position]))
        {
            return "whitespace";
        }

        var end = position;
        while (end < _text.Length && !char.IsWhiteSpace(_text[end]))
        {
            end++;
        }

        var found = _text[position..end];
        found = found.Length > MaxFoundLength ? $"{found[..MaxFoundLength]}..." : found;

        // Text that holds single quotes reads better in double quotes: found "'x'" rather than found ''x''.
        return found.Contains('\'', StringComparison.Ordinal) ? $"\"{found}\"" : $"'{found}'";
    }

    /// <summary>The text between two positions, for naming what was parsed so far (e.g. 'metrics.rmse').</summary>
    public string Slice(int start, int end) => _text[start..end];

    public SearchIdentifier ReadIdentifier(string context)
    {
        var start = Position;
        if (AtEnd)
        {
            throw Error(start, $"expected an identifier such as metrics.rmse, params.alpha, tags.team or attributes.status {context} but found {_endDescription}.");
        }

        if (Current == '(')
        {
            throw Error(start, "parentheses for grouping are not supported; join clauses with AND.");
        }

        var prefix = ReadWord();
        if (prefix.Length == 0 || AtEnd || Current != '.')
        {
            throw Error(start, $"expected an identifier such as metrics.rmse, params.alpha, tags.team or attributes.status {context} but found {Found(start)}.");
        }

        var entity = prefix.ToLowerInvariant() switch
        {
            "metrics" or "metric" => SearchEntity.Metric,
            "params" or "param" => SearchEntity.Param,
            "tags" or "tag" => SearchEntity.Tag,
            "attributes" or "attribute" or "attr" or "run" => SearchEntity.Attribute,
            _ => throw Error(start, $"unknown identifier prefix '{prefix}'; expected metrics., params., tags. or attributes. (aliases: metric, param, tag, attribute, attr, run)."),
        };

        Position++; // the dot
        var keyStart = Position;
        string key;
        if (!AtEnd && Current is '`' or '"')
        {
            key = ReadQuoted(keyStart, "key");
            if (key.Length == 0)
            {
                throw Error(keyStart, $"the quoted key after '{prefix}.' is empty.");
            }
        }
        else
        {
            while (!AtEnd && !IsBareKeyTerminator(Current))
            {
                Position++;
            }

            key = _text[keyStart..Position];
            if (key.Length == 0)
            {
                throw Error(keyStart, $"expected a key after '{prefix}.' but found {Found(keyStart)}; quote keys with spaces using backticks, e.g. {prefix}.`my key`.");
            }
        }

        if (entity == SearchEntity.Attribute)
        {
            if (!RunAttributes.TryNormalize(key, out var attribute))
            {
                throw Error(keyStart, $"unknown attribute '{key}'; valid attributes are {RunAttributes.Describe()}.");
            }

            key = attribute;
        }

        return new SearchIdentifier(entity, key, _text[start..Position]);
    }

    /// <summary>Reads a string in single or double quotes; a doubled quote or a backslash escapes a quote or backslash.</summary>
    public string ReadString() => ReadQuoted(Position, "string");

    /// <summary>Reads an integer or decimal number with optional sign and exponent.</summary>
    public double ReadNumber(string context)
    {
        var start = Position;
        if (!AtEnd && Current is '+' or '-')
        {
            Position++;
        }

        var digits = SkipDigits();
        if (!AtEnd && Current == '.')
        {
            Position++;
            digits += SkipDigits();
        }

        if (digits > 0 && !AtEnd && Current is 'e' or 'E')
        {
            var exponentStart = Position;
            Position++;
            if (!AtEnd && Current is '+' or '-')
            {
                Position++;
            }

            if (SkipDigits() == 0)
            {
                Rewind(exponentStart);
            }
        }

        if (digits == 0 || !(AtEnd || char.IsWhiteSpace(Current) || Current == ')'))
        {
            throw Error(start, $"expected a number {context} but found {Found(start)}.");
        }

        var number = double.Parse(_text.AsSpan(start, Position - start), NumberStyles.Float, CultureInfo.InvariantCulture);
        if (!double.IsFinite(number))
        {
            throw Error(start, $"the number {Found(start)} {context} is out of range.");
        }

        return number;
    }

    private int SkipDigits()
    {
        var start = Position;
        while (!AtEnd && char.IsAsciiDigit(Current))
        {
            Position++;
        }

        return Position - start;
    }

    private string ReadQuoted(int start, string what)
    {
        var quote = Current;
        Position++;
        var value = new StringBuilder();
        while (true)
        {
            if (AtEnd)
            {
                throw Error(start, $"unbalanced quote: the {what} opened with {quote} here is never closed.");
            }

            var c = Current;
            if (c == quote)
            {
                if (Position + 1 < _text.Length && _text[Position + 1] == quote)
                {
                    value.Append(quote);
                    Position += 2;
                    continue;
                }

                Position++;
                return value.ToString();
            }

            if (c == '\\' && Position + 1 < _text.Length && _text[Position + 1] is '\\' or '\'' or '"' or '`')
            {
                value.Append(_text[Position + 1]);
                Position += 2;
                continue;
            }

            value.Append(c);
            Position++;
        }
    }

    internal static bool IsBareKeyTerminator(char c) =>
        char.IsWhiteSpace(c) || c is '=' or '!' or '<' or '>' or '(' or ')' or ',' or '\'' or '"' or '`';
}
