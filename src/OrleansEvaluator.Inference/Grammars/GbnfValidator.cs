using System.Globalization;

namespace OrleansEvaluator.Inference.Grammars;

/// <summary>
/// Checks GBNF syntax in managed code, following llama.cpp's grammar parser. llama.cpp answers a grammar it
/// cannot parse with a null sampler, which crashes the process on first use, so every grammar passes here
/// first. It is stricter than llama.cpp where that is cheaper (left recursion through nullable symbols counts).
/// </summary>
public static class GbnfValidator
{
    /// <summary>Null when <paramref name="grammar"/> is usable with start rule <paramref name="root"/>, else the problem with its line and column.</summary>
    public static string? Validate(string grammar, string root = "root")
    {
        ArgumentNullException.ThrowIfNull(grammar);
        try
        {
            var parser = new Parser(grammar);
            var rules = parser.ParseGrammar();
            if (!rules.ContainsKey(root))
                return $"the grammar has no '{root}' rule";
            foreach (var (name, rule) in rules)
            {
                foreach (var reference in rule.References)
                {
                    if (!rules.ContainsKey(reference.Name))
                        return $"rule '{name}' refers to undefined rule '{reference.Name}' at {parser.Where(reference.At)}";
                }
            }
            return FindLeftRecursion(rules) is { } cycle ? $"left recursion through rule '{cycle}' is not supported" : null;
        }
        catch (FormatException e)
        {
            return e.Message;
        }
    }

    private static string? FindLeftRecursion(Dictionary<string, Rule> rules)
    {
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1 = visiting, 2 = done
        string? Visit(string name)
        {
            if (state.TryGetValue(name, out var s))
                return s == 1 ? name : null;
            state[name] = 1;
            foreach (var first in rules[name].FirstReferences)
            {
                if (rules.ContainsKey(first) && Visit(first) is { } cycle)
                    return cycle;
            }
            state[name] = 2;
            return null;
        }
        return rules.Keys.Select(Visit).FirstOrDefault(c => c is not null);
    }

    private sealed class Rule
    {
        public List<(string Name, int At)> References { get; } = [];

        /// <summary>Rules that can start an alternative (a coarse over-approximation).</summary>
        public HashSet<string> FirstReferences { get; } = new(StringComparer.Ordinal);
    }

    private sealed class Parser(string text)
    {
        private int _pos;
        private Rule _current = new();

        public string Where(int at)
        {
            var line = 1;
            var column = 1;
            for (var i = 0; i < at && i < text.Length; i++)
            {
                if (text[i] == '\n')
                {
                    line++;
                    column = 1;
                }
                else
                {
                    column++;
                }
            }
            return string.Create(CultureInfo.InvariantCulture, $"line {line}, column {column}");
        }

        private FormatException Error(string what) => new($"{what} at {Where(_pos)}");

        public Dictionary<string, Rule> ParseGrammar()
        {
            var rules = new Dictionary<string, Rule>(StringComparer.Ordinal);
            SkipSpace(newlines: true);
            if (_pos >= text.Length)
                throw Error("the grammar is empty");
            while (_pos < text.Length)
            {
                var name = ParseName();
                SkipSpace(newlines: false);
                if (!text.AsSpan(_pos).StartsWith("::=", StringComparison.Ordinal))
                    throw Error($"expected '::=' after rule name '{name}'");
                _pos += 3;
                SkipSpace(newlines: true);
                _current = rules.TryGetValue(name, out var existing) ? existing : new Rule();
                rules[name] = _current;
                ParseAlternates(nested: false);
                if (_pos < text.Length && text[_pos] is '\r' or '\n')
                    SkipSpace(newlines: true);
                else if (_pos < text.Length)
                    throw Error($"unexpected '{text[_pos]}'");
            }
            return rules;
        }

        private void ParseAlternates(bool nested)
        {
            ParseSequence(nested);
            while (_pos < text.Length && text[_pos] == '|')
            {
                _pos++;
                SkipSpace(newlines: true);
                ParseSequence(nested);
            }
        }

        private void ParseSequence(bool nested)
        {
            var first = true;
            while (_pos < text.Length)
            {
                var c = text[_pos];
                var start = _pos;
                if (c == '"')
                {
                    ParseLiteral();
                }
                else if (c == '[')
                {
                    ParseClass();
                }
                else if (c == '.')
                {
                    _pos++;
                }
                else if (c == '(')
                {
                    _pos++;
                    SkipSpace(newlines: true);
                    ParseAlternates(nested: true);
                    if (_pos >= text.Length || text[_pos] != ')')
                        throw Error("expected ')'");
                    _pos++;
                }
                else if (IsWordChar(c))
                {
                    var name = ParseName();
                    // A name followed by '::=' starts the next rule: this sequence has ended.
                    var save = _pos;
                    SkipSpace(newlines: false);
                    if (text.AsSpan(_pos).StartsWith("::=", StringComparison.Ordinal))
                    {
                        _pos = start;
                        return;
                    }
                    _pos = save;
                    _current.References.Add((name, start));
                    if (first)
                        _current.FirstReferences.Add(name);
                }
                else
                {
                    return;
                }
                first = false;
                SkipSpace(nested);
                ParseRepetition(nested);
            }
        }

        private void ParseRepetition(bool nested)
        {
            if (_pos >= text.Length)
                return;
            var c = text[_pos];
            if (c is '*' or '+' or '?')
            {
                _pos++;
                SkipSpace(nested);
                return;
            }
            if (c != '{')
                return;
            _pos++;
            SkipSpace(newlines: false);
            var min = ParseInt();
            SkipSpace(newlines: false);
            int? max = min;
            if (_pos < text.Length && text[_pos] == ',')
            {
                _pos++;
                SkipSpace(newlines: false);
                max = _pos < text.Length && char.IsAsciiDigit(text[_pos]) ? ParseInt() : null;
                SkipSpace(newlines: false);
            }
            if (_pos >= text.Length || text[_pos] != '}')
                throw Error("expected '}' to close a repetition");
            if (max is { } m && m < min)
                throw Error($"repetition maximum {m} is below its minimum {min}");
            _pos++;
            SkipSpace(nested);
        }

        private int ParseInt()
        {
            var start = _pos;
            while (_pos < text.Length && char.IsAsciiDigit(text[_pos]))
                _pos++;
            if (_pos == start)
                throw Error("expected a number in a repetition");
            return int.TryParse(text.AsSpan(start, _pos - start), NumberStyles.None, CultureInfo.InvariantCulture, out var v)
                ? v : throw Error("repetition count is too large");
        }

        private void ParseLiteral()
        {
            _pos++;
            while (_pos < text.Length && text[_pos] != '"')
                ParseChar();
            if (_pos >= text.Length)
                throw Error("unterminated string literal");
            _pos++;
        }

        private void ParseClass()
        {
            _pos++;
            if (_pos < text.Length && text[_pos] == '^')
                _pos++;
            while (_pos < text.Length && text[_pos] != ']')
            {
                ParseChar();
                if (_pos + 1 < text.Length && text[_pos] == '-' && text[_pos + 1] != ']')
                {
                    _pos++;
                    ParseChar();
                }
            }
            if (_pos >= text.Length)
                throw Error("unterminated character class");
            _pos++;
        }

        private void ParseChar()
        {
            if (text[_pos] != '\\')
            {
                _pos++;
                return;
            }
            if (_pos + 1 >= text.Length)
                throw Error("unfinished escape");
            var e = text[_pos + 1];
            var hex = e switch { 'x' => 2, 'u' => 4, 'U' => 8, _ => 0 };
            if (hex > 0)
            {
                for (var i = 0; i < hex; i++)
                {
                    if (_pos + 2 + i >= text.Length || !char.IsAsciiHexDigit(text[_pos + 2 + i]))
                        throw Error($"expected {hex} hex digits after '\\{e}'");
                }
                _pos += 2 + hex;
                return;
            }
            if (e is not ('"' or '[' or ']' or '\\' or 'n' or 'r' or 't'))
                throw Error($"unknown escape '\\{e}'");
            _pos += 2;
        }

        private string ParseName()
        {
            var start = _pos;
            while (_pos < text.Length && IsWordChar(text[_pos]))
                _pos++;
            if (_pos == start)
                throw Error("expected a rule name");
            return text[start.._pos];
        }

        private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '-';

        private void SkipSpace(bool newlines)
        {
            while (_pos < text.Length)
            {
                var c = text[_pos];
                if (c is ' ' or '\t')
                {
                    _pos++;
                }
                else if (c == '#')
                {
                    while (_pos < text.Length && text[_pos] is not ('\r' or '\n'))
                        _pos++;
                }
                else if (newlines && c is '\r' or '\n')
                {
                    _pos++;
                }
                else
                {
                    return;
                }
            }
        }
    }
}
