using System.Text;

namespace Portal.Domain.Images.Templates;

/// <summary>A Dockerfile word this product cannot expand exactly as a build would (a rare substitution form).</summary>
public sealed class UnsupportedWordException(string message) : Exception(message);

/// <summary>
/// Docker's word handling for the instructions a registry copy applies: splitting arguments into words
/// with quotes kept (as the Dockerfile parser does), then expanding one word (quotes removed, escapes
/// resolved, <c>$NAME</c>, <c>${NAME}</c>, <c>${NAME:-word}</c>, <c>${NAME-word}</c>, <c>${NAME:+word}</c>,
/// <c>${NAME+word}</c>). Anything else (pattern substitutions, <c>:?</c>, special parameters) is refused
/// with <see cref="UnsupportedWordException"/>, so such a template is built by an engine instead.
/// </summary>
public static class ShellWords
{
    /// <summary>Splits on unquoted whitespace; quotes and escapes stay in the words (they are resolved by <see cref="Expand"/>).</summary>
    public static IReadOnlyList<string> Split(string text, char escape)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        var blankOk = false; // "" is a word of its own
        var quote = '\0';
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quote == '\0' && char.IsWhiteSpace(c))
            {
                if (inWord && (blankOk || word.Length > 0)) words.Add(word.ToString());
                word.Clear();
                inWord = blankOk = false;
                continue;
            }
            inWord = true;
            if (quote == '\0' && c is '"' or '\'')
            {
                quote = c;
                blankOk = true;
            }
            else if (quote != '\0' && c == quote)
            {
                quote = '\0';
            }
            else if (c == escape && (quote != '\'' || quote == '\0'))
            {
                // A trailing escape is dropped; otherwise it stays with the character it protects.
                if (i + 1 == text.Length)
                {
                    quote = '\0';
                    continue;
                }
                word.Append(c);
                c = text[++i];
            }
            word.Append(c);
        }
        if (inWord && (blankOk || word.Length > 0)) words.Add(word.ToString());
        return words;
    }

    /// <summary>Expands one word against <paramref name="variables"/> (unset names expand to nothing).</summary>
    public static string Expand(string word, IReadOnlyDictionary<string, string> variables, char escape) =>
        new Expander(word, variables, escape).Run();

    private sealed class Expander(string text, IReadOnlyDictionary<string, string> variables, char escape)
    {
        private int _pos;

        public string Run() => Until(null);

        private char? Peek => _pos < text.Length ? text[_pos] : null;

        private string Until(char? stop)
        {
            var result = new StringBuilder();
            while (_pos < text.Length)
            {
                var c = text[_pos];
                if (stop is { } s && c == s)
                {
                    _pos++;
                    return result.ToString();
                }
                switch (c)
                {
                    case '$':
                        result.Append(Dollar());
                        break;
                    case '\'':
                        result.Append(SingleQuoted());
                        break;
                    case '"':
                        result.Append(DoubleQuoted());
                        break;
                    default:
                        _pos++;
                        if (c == escape)
                        {
                            if (_pos >= text.Length) return result.ToString();
                            c = text[_pos++];
                        }
                        result.Append(c);
                        break;
                }
            }
            if (stop is not null) throw new UnsupportedWordException($"'{text}' lacks a closing '{stop}'");
            return result.ToString();
        }

        private string SingleQuoted()
        {
            var end = text.IndexOf('\'', _pos + 1);
            if (end < 0) throw new UnsupportedWordException($"'{text}' lacks a closing single quote");
            var value = text[(_pos + 1)..end];
            _pos = end + 1;
            return value;
        }

        private string DoubleQuoted()
        {
            _pos++;
            var result = new StringBuilder();
            while (true)
            {
                if (Peek is not { } c) throw new UnsupportedWordException($"'{text}' lacks a closing double quote");
                if (c == '"')
                {
                    _pos++;
                    return result.ToString();
                }
                if (c == '$')
                {
                    result.Append(Dollar());
                    continue;
                }
                _pos++;
                if (c == escape && Peek is { } next && (next == '"' || next == '$' || next == escape))
                {
                    _pos++;
                    result.Append(next);
                    continue;
                }
                if (c == escape && Peek is null) continue;
                result.Append(c);
            }
        }

        private string Dollar()
        {
            _pos++;
            if (Peek != '{')
            {
                var name = Name();
                return name.Length == 0 ? "$" : Lookup(name) ?? "";
            }
            _pos++;
            if (Peek is null or '{' or '}' or ':') throw new UnsupportedWordException($"'{text}' has a bad substitution");
            var braced = Name();
            if (braced.Length == 0) throw new UnsupportedWordException($"'{text}' has a substitution this product cannot apply without a build");
            var op = Peek ?? throw new UnsupportedWordException($"'{text}' lacks a closing '}}'");
            _pos++;
            if (op == '}') return Lookup(braced) ?? "";
            var nullIsUnset = op == ':';
            if (nullIsUnset)
            {
                op = Peek ?? throw new UnsupportedWordException($"'{text}' lacks a closing '}}'");
                _pos++;
            }
            if (op is not ('-' or '+'))
                throw new UnsupportedWordException($"'{text}' uses ${{{braced}{(nullIsUnset ? ":" : "")}{op}…}}, which only a build applies");
            var alternative = Until('}');
            var value = Lookup(braced);
            var unset = value is null || (nullIsUnset && value.Length == 0);
            return op == '-' ? (unset ? alternative : value!) : (unset ? "" : alternative);
        }

        private string Name()
        {
            var start = _pos;
            if (Peek is { } first && (char.IsDigit(first) || "@*#?-$!0".Contains(first, StringComparison.Ordinal)))
                throw new UnsupportedWordException($"'{text}' uses a shell parameter (${first}), which only a build applies");
            while (Peek is { } c && (char.IsLetterOrDigit(c) || c == '_')) _pos++;
            return text[start.._pos];
        }

        private string? Lookup(string name) => variables.TryGetValue(name, out var v) ? v : null;
    }
}
