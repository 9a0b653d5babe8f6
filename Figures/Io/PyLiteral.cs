using System.Globalization;
using System.Text;

namespace Verify.Figures.Io;

/// <summary>
/// The small part of Python's literal syntax a .npy header uses: a dict of string keys whose values are strings,
/// True/False/None, integers (an old "L" suffix allowed), tuples or lists of these, and nested dicts. Strings become
/// <see cref="string"/>, integers <see cref="long"/>, booleans <see cref="bool"/>, None null, tuples and lists
/// <see cref="List{Object}"/>, dicts <see cref="Dictionary{String, Object}"/>. Anything else is a <see cref="FormatException"/>.
/// </summary>
internal sealed class PyLiteral(string text)
{
    private int _pos;

    /// <summary>Parses the whole text as one dict.</summary>
    public Dictionary<string, object> Dict()
    {
        Skip();
        if (Peek() != '{') throw new FormatException("expected '{'");
        var d = (Dictionary<string, object>)Value()!;
        Skip();
        if (_pos != text.Length) throw new FormatException($"unexpected '{text[_pos]}' after the dict");
        return d;
    }

    private char Peek() => _pos < text.Length ? text[_pos] : '\0';

    private void Skip()
    {
        while (_pos < text.Length && char.IsWhiteSpace(text[_pos])) _pos++;
    }

    private object? Value()
    {
        Skip();
        char c = Peek();
        switch (c)
        {
            case '{':
            {
                _pos++;
                var d = new Dictionary<string, object>();
                foreach (object? item in Items('}', pairs: true, d)) { }
                return d;
            }
            case '(':
            case '[':
            {
                _pos++;
                var list = new List<object>();
                foreach (object? item in Items(c == '(' ? ')' : ']', pairs: false, null)) list.Add(item!);
                return list;
            }
            case '\'':
            case '"':
                return String();
        }
        if (c == '-' || char.IsAsciiDigit(c))
        {
            int start = _pos++;
            while (char.IsAsciiDigit(Peek())) _pos++;
            string digits = text[start.._pos];
            if (Peek() is 'L' or 'l') _pos++;
            if (!long.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long v))
                throw new FormatException($"'{digits}' is not an integer");
            return v;
        }
        foreach (var (word, value) in new (string, object?)[] { ("True", true), ("False", false), ("None", null) })
            if (string.CompareOrdinal(text, _pos, word, 0, word.Length) == 0)
            {
                _pos += word.Length;
                return value;
            }
        throw new FormatException(_pos < text.Length ? $"unexpected '{c}' at offset {_pos}" : "the text ends early");
    }

    // Comma-separated items up to `close` (a trailing comma allowed); for a dict, "key: value" pairs stored into `dict`.
    private IEnumerable<object?> Items(char close, bool pairs, Dictionary<string, object>? dict)
    {
        while (true)
        {
            Skip();
            if (Peek() == close) { _pos++; yield break; }
            if (pairs)
            {
                if (Value() is not string key) throw new FormatException("a dict key is not a string");
                Skip();
                if (Peek() != ':') throw new FormatException($"expected ':' after '{key}'");
                _pos++;
                dict![key] = Value()!;
            }
            else yield return Value();
            Skip();
            if (Peek() == ',') { _pos++; continue; }
            if (Peek() == close) { _pos++; yield break; }
            throw new FormatException(_pos < text.Length ? $"expected ',' or '{close}' at offset {_pos}" : "the text ends early");
        }
    }

    private string String()
    {
        char quote = text[_pos++];
        var sb = new StringBuilder();
        while (true)
        {
            if (_pos >= text.Length) throw new FormatException("a string is not closed");
            char c = text[_pos++];
            if (c == quote) return sb.ToString();
            if (c == '\\' && _pos < text.Length) c = text[_pos++];
            sb.Append(c);
        }
    }
}
