using System.Collections.ObjectModel;
using System.Security.Cryptography;
using System.Text;
using OrleansEvaluator.Generation;

namespace OrleansEvaluator.Core.Prompts;

/// <summary>
/// An immutable, versioned prompt: an optional system text and a user text with <c>{{name}}</c> placeholders.
/// <see cref="Id"/> (<c>name@version</c>) identifies it; <see cref="Fingerprint"/> hashes its whole text.
/// </summary>
/// <remarks>
/// <para>Rendering is pure: the same values give equal messages, and nothing in the template changes.</para>
/// <para>
/// Every value is untrusted. A placeholder inside other text renders as a fenced block:
/// <c>&lt;&lt;&lt;BEGIN ANSWER A tag&gt;&gt;&gt;</c>, the value after <see cref="UntrustedText.Neutralize"/>, and
/// <c>&lt;&lt;&lt;END ANSWER A tag&gt;&gt;&gt;</c>, each fence on a line of its own. The tag is 12 hex digits hashed
/// from the template and the values, chosen so that no value contains it; a value therefore cannot end its block,
/// start another or forge a verdict marker. A placeholder that is a whole message on its own (a user text of just
/// <c>{{instruction}}</c>) is sent verbatim: that message has no structure to protect.
/// </para>
/// <para>
/// A template made with <c>fenced: false</c> (template files: <c>fence: none</c>) puts each value in place instead,
/// after <see cref="UntrustedText.Neutralize"/> and with every whitespace run made one space, so a value stays on its
/// line and still cannot forge a marker. It exists for tiny models whose whole context is about a hundred tokens
/// (the TinyWorld demo), where two fence lines with a random tag would cost more than the example itself.
/// </para>
/// </remarks>
public sealed class PromptTemplate
{
    private readonly (string Text, bool IsPlaceholder)[]? _system;
    private readonly (string Text, bool IsPlaceholder)[] _user;

    /// <summary>Creates a template; throws <see cref="ArgumentException"/> on a bad name, version or placeholder.</summary>
    /// <param name="name">Template name without whitespace or <c>@</c>, e.g. <c>judge-pair</c>.</param>
    /// <param name="version">Version without whitespace; change it whenever the text changes.</param>
    /// <param name="systemText">The system message, or null for none.</param>
    /// <param name="userText">The user message.</param>
    /// <param name="fenced">False to put values in place, on one line, instead of in fenced blocks.</param>
    public PromptTemplate(string name, string version, string? systemText, string userText, bool fenced = true)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        ArgumentNullException.ThrowIfNull(userText);
        if (name.Any(c => char.IsWhiteSpace(c) || c == '@'))
            throw new ArgumentException($"Template name '{name}' contains whitespace or '@'.", nameof(name));
        if (version.Any(char.IsWhiteSpace))
            throw new ArgumentException($"Template version '{version}' contains whitespace.", nameof(version));
        Name = name;
        Version = version;
        SystemText = systemText;
        UserText = userText;
        Fenced = fenced;
        _system = systemText is null ? null : Segments(systemText, nameof(systemText));
        _user = Segments(userText, nameof(userText));
        Placeholders = (_system ?? []).Concat(_user).Where(s => s.IsPlaceholder).Select(s => s.Text)
            .Distinct(StringComparer.Ordinal).ToList().AsReadOnly();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var field in new[] { name, version, systemText is null ? "0" : "1", systemText ?? "", userText })
            Fence.AppendField(hash, field);
        // Only an unfenced template hashes the mode, so the fingerprints of existing (fenced) templates stay as they were.
        if (!fenced)
            Fence.AppendField(hash, "unfenced");
        Fingerprint = Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }

    /// <summary>The template's name.</summary>
    public string Name { get; }

    /// <summary>The template's version.</summary>
    public string Version { get; }

    /// <summary>The identity recorded with everything rendered from it: <c>name@version</c>.</summary>
    public string Id => $"{Name}@{Version}";

    /// <summary>16 hex digits of SHA-256 over name, version and texts: differs when a text was edited in place.</summary>
    public string Fingerprint { get; }

    /// <summary>The system text as written, or null.</summary>
    public string? SystemText { get; }

    /// <summary>The user text as written.</summary>
    public string UserText { get; }

    /// <summary>True when values render in fenced blocks (the default); false when they render in place.</summary>
    public bool Fenced { get; }

    /// <summary>The distinct placeholder names, in order of first use.</summary>
    public ReadOnlyCollection<string> Placeholders { get; }

    /// <summary>
    /// Renders the system message (if any) and the user message. <paramref name="values"/> must hold exactly the
    /// template's placeholders; otherwise <see cref="ArgumentException"/>.
    /// </summary>
    public IReadOnlyList<ChatMessage> Render(IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var missing = Placeholders.Where(p => !values.ContainsKey(p)).ToList();
        var extra = values.Keys.Where(k => !Placeholders.Contains(k)).ToList();
        if (missing.Count > 0 || extra.Count > 0)
            throw new ArgumentException(
                $"Template {Id}: missing values for [{string.Join(", ", missing)}], unknown values [{string.Join(", ", extra)}].",
                nameof(values));
        var neutral = new Dictionary<string, string>(StringComparer.Ordinal);
        var seed = new List<string> { Fingerprint };
        foreach (var name in Placeholders)
        {
            var value = values[name] ?? throw new ArgumentException($"Template {Id}: value '{name}' is null.", nameof(values));
            neutral[name] = UntrustedText.Neutralize(value);
            seed.Add(name);
            seed.Add(neutral[name]);
        }
        var tag = Fence.Tag(seed, [.. neutral.Values, SystemText ?? "", UserText]);
        var user = ChatMessage.User(Compose(_user, values, neutral, tag, Fenced));
        return _system is null ? [user] : [ChatMessage.System(Compose(_system, values, neutral, tag, Fenced)), user];
    }

    /// <summary>Throws unless the template uses exactly <paramref name="required"/>.</summary>
    internal PromptTemplate Require(IReadOnlyCollection<string> required, string task)
    {
        if (Placeholders.Count != required.Count || !required.All(Placeholders.Contains))
            throw new ArgumentException(
                $"Template {Id} uses [{string.Join(", ", Placeholders)}]; the {task} task fills exactly [{string.Join(", ", required)}].");
        return this;
    }

    private static string Compose((string Text, bool IsPlaceholder)[] segments, IReadOnlyDictionary<string, string> raw,
        Dictionary<string, string> neutral, string tag, bool fenced)
    {
        if (segments.Count(s => s.IsPlaceholder) == 1 && segments.All(s => s.IsPlaceholder || string.IsNullOrWhiteSpace(s.Text)))
            return raw[segments.Single(s => s.IsPlaceholder).Text];
        if (!fenced)
            return string.Concat(segments.Select(s => s.IsPlaceholder ? UntrustedText.Inline(neutral[s.Text]) : s.Text));
        var text = new StringBuilder();
        var afterFence = false;
        foreach (var (value, isPlaceholder) in segments)
        {
            if (isPlaceholder)
            {
                if (text.Length > 0 && text[^1] != '\n')
                    text.Append('\n');
                text.Append(Fence.Wrap(Fence.Label(value), tag, neutral[value]));
            }
            else
            {
                if (afterFence && value[0] != '\n')
                    text.Append('\n');
                text.Append(value);
            }
            afterFence = isPlaceholder;
        }
        return text.ToString();
    }

    private static (string Text, bool IsPlaceholder)[] Segments(string text, string parameter)
    {
        var segments = new List<(string, bool)>();
        var pos = 0;
        foreach (var token in PlaceholderSyntax.Scan(text))
        {
            if (!token.IsValid)
                throw new ArgumentException($"Malformed placeholder '{text.Substring(token.Start, token.Length)}'.", parameter);
            if (token.Start > pos)
                segments.Add((text[pos..token.Start], false));
            segments.Add((token.Name, true));
            pos = token.Start + token.Length;
        }
        if (pos < text.Length)
            segments.Add((text[pos..], false));
        return [.. segments];
    }
}
