using System.Globalization;
using System.Text;
using LLama;
using LLama.Native;
using LLama.Transformers;
using OrleansEvaluator.Generation;
using OrleansEvaluator.Inference.Gguf;

namespace OrleansEvaluator.Inference.Llama;

/// <summary>
/// Turns a request's prompt or chat turns into tokens. Raw prompts are literal text. Chat turns are rendered with
/// the model's template (or a named fallback); the scaffolding may contain special tokens, the turns' contents
/// never do: when a content holds the text of a special token it is tokenized apart, as plain text, so it
/// cannot forge a role marker.
/// </summary>
internal sealed class PromptTokenizer
{
    /// <summary>The fallback name for base models without a chat format: message contents joined by line breaks.</summary>
    public const string RawTemplate = RawPrompt.TemplateName;

    private const char SentinelOpen = '\uE000';
    private const char SentinelClose = '\uE001';
    private readonly LLamaWeights _weights;
    private readonly VocabularyGuard _guard;
    private readonly string[] _specialTexts;
    private readonly string? _fallbackTemplate;

    public PromptTokenizer(LLamaWeights weights, GgufHeader header, VocabularyGuard guard, string fallbackTemplate)
    {
        _weights = weights;
        _guard = guard;
        var tokens = header.GetStringArray("tokenizer.ggml.tokens") ?? [];
        var types = header.Metadata.TryGetValue("tokenizer.ggml.token_type", out var t) ? t as int[] : null;
        // Token types 3 (control) and 4 (user-defined) are matched as special text by llama.cpp.
        _specialTexts = types is null ? [] : tokens
            .Where((text, i) => i < types.Length && types[i] is 3 or 4 && text.Length > 1)
            .OrderByDescending(s => s.Length)
            .ToArray();
        HasModelTemplate = header.GetString("tokenizer.chat_template") is not null;
        DeclaredFormat = HasModelTemplate ? null : header.GetString(RawPrompt.FormatKey);
        _fallbackTemplate = HasModelTemplate ? null : DeclaredFormat ?? fallbackTemplate;
        TemplateSource = HasModelTemplate ? "gguf" : DeclaredFormat is { } declared ? "declared:" + declared : "fallback:" + fallbackTemplate;
    }

    public bool HasModelTemplate { get; }

    /// <summary>The chat format the model names in <see cref="RawPrompt.FormatKey"/> (when it has no template of its own).</summary>
    public string? DeclaredFormat { get; }

    public string TemplateSource { get; }

    /// <summary>Renders a probe conversation, so a bad fallback template name fails at load time.</summary>
    public void CheckTemplate() => Render([ChatMessage.System("s"), ChatMessage.User("u")]);

    /// <summary>The prompt as text: the raw prompt, or the messages rendered with the template.</summary>
    public string Text(GenerationRequest request) => request.Prompt ?? Render(request.Messages!);

    /// <summary>Tokenizes the request's prompt; throws <see cref="ArgumentException"/> naming the field on bad text.</summary>
    public LLamaToken[] Tokenize(GenerationRequest request)
    {
        if (request.Prompt is { } prompt)
        {
            Guard(prompt, "Prompt");
            return _weights.Tokenize(prompt, _weights.Vocab.ShouldAddBOS, special: false, Encoding.UTF8);
        }

        var messages = request.Messages!;
        for (var i = 0; i < messages.Count; i++)
            Guard(messages[i].Content, $"Messages[{i}].Content");

        if (!messages.Any(m => ContainsSpecialText(m.Content)))
        {
            var rendered = Render(messages);
            Guard(StripSpecialTexts(rendered), "Messages (rendered template)");
            return DropDoubleBos(_weights.Tokenize(rendered, _weights.Vocab.ShouldAddBOS, special: true, Encoding.UTF8));
        }
        return TokenizeSegmented(messages);
    }

    private LLamaToken[] TokenizeSegmented(IReadOnlyList<ChatMessage> messages)
    {
        var masked = messages.Select((m, i) => m with { Content = Sentinel(i) }).ToList();
        var rendered = Render(masked);
        var result = new List<LLamaToken>();
        var position = 0;
        var first = true;
        while (position < rendered.Length)
        {
            var open = rendered.IndexOf(SentinelOpen, position);
            var scaffoldEnd = open < 0 ? rendered.Length : open;
            if (scaffoldEnd > position)
            {
                var scaffold = rendered[position..scaffoldEnd];
                Guard(StripSpecialTexts(scaffold), "Messages (rendered template)");
                result.AddRange(_weights.Tokenize(scaffold, first && _weights.Vocab.ShouldAddBOS, special: true, Encoding.UTF8));
                first = false;
            }
            if (open < 0)
                break;
            var close = rendered.IndexOf(SentinelClose, open);
            var index = int.Parse(rendered.AsSpan(open + 1, close - open - 1), CultureInfo.InvariantCulture);
            var content = messages[index].Content;
            if (content.Length > 0)
                result.AddRange(_weights.Tokenize(content, first && _weights.Vocab.ShouldAddBOS, special: false, Encoding.UTF8));
            first = false;
            position = close + 1;
        }
        return DropDoubleBos([.. result]);
    }

    private static string Sentinel(int i) => string.Create(CultureInfo.InvariantCulture, $"{SentinelOpen}{i}{SentinelClose}");

    private string Render(IReadOnlyList<ChatMessage> messages)
    {
        if (_fallbackTemplate == RawTemplate)
            return RawPrompt.Render(messages);
        var template = _fallbackTemplate is null ? new LLamaTemplate(_weights) : new LLamaTemplate(_fallbackTemplate);
        foreach (var m in messages)
            template.Add(m.Role, m.Content);
        template.AddAssistant = true;
        return PromptTemplateTransformer.ToModelPrompt(template);
    }

    private bool ContainsSpecialText(string text) =>
        _specialTexts.Any(s => text.Contains(s, StringComparison.Ordinal));

    private string StripSpecialTexts(string text)
    {
        foreach (var s in _specialTexts)
            text = text.Replace(s, string.Empty, StringComparison.Ordinal);
        return text;
    }

    private LLamaToken[] DropDoubleBos(LLamaToken[] tokens)
    {
        var bos = _weights.Vocab.BOS;
        return bos is { } b && tokens.Length >= 2 && tokens[0] == b && tokens[1] == b ? tokens[1..] : tokens;
    }

    private void Guard(string text, string field)
    {
        if (_guard.FindUnencodable(text) is { } problem)
            throw new ArgumentException($"{field}: {problem}.");
    }

    /// <summary>
    /// Checks that every quoted literal of a GBNF grammar can be produced by this vocabulary; a grammar that
    /// demands an impossible character would leave the sampler with no valid token.
    /// </summary>
    public void CheckGrammarLiterals(string grammar)
    {
        if (_guard.EncodesAnyText)
            return;
        foreach (var literal in GbnfLiterals.Extract(grammar))
        {
            if (_guard.FindUnencodable(literal) is { } problem)
                throw new ArgumentException($"Grammar: literal \"{literal}\" cannot be produced: {problem}.");
        }
    }
}
