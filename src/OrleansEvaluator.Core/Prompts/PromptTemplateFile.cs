namespace OrleansEvaluator.Core.Prompts;

/// <summary>
/// Reads prompt templates from text files and validates them against the placeholders a task fills.
/// </summary>
/// <remarks>
/// The format, with any line ending:
/// <code>
/// # Lines starting with '#' before the first section are comments.
/// name: my-judge
/// version: 2
/// # Optional: 'fence: none' puts values in place on one line instead of in fenced blocks (see PromptTemplate).
/// fence: block
///
/// ### system
/// Text of the system message (optional section).
///
/// ### user
/// Text of the user message, with placeholders such as {{instruction}}.
/// </code>
/// <c>version</c> is required; <c>name</c> defaults to the file name without extension. A section runs from its
/// header line (<c>### system</c> or <c>### user</c>, any case) to the next one; blank lines around it are dropped,
/// and other <c>###</c> lines inside it are ordinary text. Every problem is reported with the file and line:
/// malformed placeholders, placeholders the task does not fill, placeholders the task needs but the file never
/// uses, unknown header keys, repeated or empty sections.
/// </remarks>
public static class PromptTemplateFile
{
    /// <summary>Reads and validates the file at <paramref name="path"/>; throws <see cref="PromptTemplateException"/>.</summary>
    public static PromptTemplate Load(string path, IReadOnlyCollection<string> placeholders)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return Parse(File.ReadAllText(path), path, placeholders);
    }

    /// <summary>Validates template text; <paramref name="source"/> names it in errors and gives the default name.</summary>
    public static PromptTemplate Parse(string text, string source, IReadOnlyCollection<string> placeholders)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentException.ThrowIfNullOrEmpty(source);
        ArgumentNullException.ThrowIfNull(placeholders);
        var errors = new List<PromptTemplateError>();
        void Error(int line, string message) => errors.Add(new PromptTemplateError(source, line, message));

        var lines = text.ReplaceLineEndings("\n").Split('\n');
        var header = new Dictionary<string, (int Line, string Value)>(StringComparer.OrdinalIgnoreCase);
        var sections = new List<(string Name, int Line, List<(int Line, string Text)> Body)>();
        List<(int Line, string Text)>? body = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var (line, number, trimmed) = (lines[i], i + 1, lines[i].Trim());
            var section = SectionName(trimmed);
            if (section is not null)
            {
                if (sections.FindIndex(s => s.Name == section) is var previous and >= 0)
                    Error(number, $"section '### {section}' repeats the one at line {sections[previous].Line}");
                body = [];
                sections.Add((section, number, body));
            }
            else if (body is not null)
                body.Add((number, line));
            else if (trimmed.StartsWith("###", StringComparison.Ordinal))
                Error(number, $"unknown section '{trimmed}'; expected '### system' or '### user'");
            else if (trimmed.Length > 0 && trimmed[0] != '#')
                ReadHeaderLine(trimmed, number, header, Error);
        }

        if (!header.TryGetValue("version", out var version))
            Error(1, "missing 'version: …' line before the first section");
        (int Line, string Value) name = header.TryGetValue("name", out var n) ? n : (1, Path.GetFileNameWithoutExtension(source));
        if (name.Value.Length == 0 || name.Value.Any(c => char.IsWhiteSpace(c) || c == '@'))
            Error(name.Line, $"template name '{name.Value}' must be non-empty, without whitespace or '@'");
        if (version.Value is { } v && v.Any(char.IsWhiteSpace))
            Error(version.Line, $"version '{v}' must not contain whitespace");
        var fenced = true;
        if (header.TryGetValue("fence", out var fence))
        {
            if (fence.Value.Equals("none", StringComparison.OrdinalIgnoreCase))
                fenced = false;
            else if (!fence.Value.Equals("block", StringComparison.OrdinalIgnoreCase))
                Error(fence.Line, $"fence '{fence.Value}' must be 'block' or 'none'");
        }
        if (!sections.Exists(s => s.Name == "user"))
            Error(lines.Length, "missing '### user' section");

        var used = new HashSet<string>(StringComparer.Ordinal);
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (section, line, sectionLines) in sections)
        {
            foreach (var (number, lineText) in sectionLines)
                CheckPlaceholders(lineText, number, placeholders, used, Error);
            var kept = sectionLines.Select(l => l.Text).SkipWhile(string.IsNullOrWhiteSpace).Reverse()
                .SkipWhile(string.IsNullOrWhiteSpace).Reverse().ToList();
            if (kept.Count == 0)
                Error(line, $"section '### {section}' is empty");
            texts.TryAdd(section, string.Join('\n', kept));
        }
        var userLine = sections.Find(s => s.Name == "user") is { Body: not null } user ? user.Line : 1;
        foreach (var missing in placeholders.Where(p => !used.Contains(p)))
            Error(userLine, $"missing placeholder {{{{{missing}}}}}: the task fills it, so the template must use it");

        if (errors.Count > 0)
            throw new PromptTemplateException(errors.OrderBy(e => e.Line).ToList());
        return new PromptTemplate(name.Value, version.Value, texts.GetValueOrDefault("system"), texts["user"], fenced);
    }

    private static string? SectionName(string trimmed)
    {
        if (!trimmed.StartsWith("###", StringComparison.Ordinal) || trimmed.Length < 4 || !char.IsWhiteSpace(trimmed[3]))
            return null;
        var word = trimmed[3..].Trim();
        return word.Equals("system", StringComparison.OrdinalIgnoreCase) ? "system"
            : word.Equals("user", StringComparison.OrdinalIgnoreCase) ? "user"
            : null;
    }

    private static void ReadHeaderLine(string trimmed, int number, Dictionary<string, (int Line, string Value)> header,
        Action<int, string> error)
    {
        var colon = trimmed.IndexOf(':', StringComparison.Ordinal);
        var key = colon < 0 ? "" : trimmed[..colon].Trim();
        if (!key.Equals("name", StringComparison.OrdinalIgnoreCase) && !key.Equals("version", StringComparison.OrdinalIgnoreCase)
            && !key.Equals("fence", StringComparison.OrdinalIgnoreCase))
        {
            error(number, $"expected 'name: …', 'version: …', 'fence: …', a '#' comment or a section header, not '{trimmed}'");
            return;
        }
        if (header.TryGetValue(key, out var previous))
            error(number, $"'{key}' repeats line {previous.Line}");
        header[key] = (number, trimmed[(colon + 1)..].Trim());
    }

    private static void CheckPlaceholders(string line, int number, IReadOnlyCollection<string> allowed,
        HashSet<string> used, Action<int, string> error)
    {
        foreach (var token in PlaceholderSyntax.Scan(line))
        {
            var text = line.Substring(token.Start, token.Length);
            if (!token.IsValid)
                error(number, $"malformed placeholder '{text}'; write {{{{name}}}} with a lower-case name");
            else if (!allowed.Contains(token.Name))
                error(number, $"unknown placeholder {text}; this task fills {string.Join(", ", allowed.Select(a => $"{{{{{a}}}}}"))}");
            else
                used.Add(token.Name);
        }
    }
}
