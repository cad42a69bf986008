using System.CommandLine;
using OrleansEvaluator.Core.Prompts;
using OrleansEvaluator.Generation;
using OrleansEvaluator.Inference.Grammars;

namespace OrleansEvaluator.Cli.Commands;

/// <summary>The options <c>oeval eval</c> and <c>oeval judge</c> share: the judge model and how it samples.</summary>
internal sealed class JudgeOptionSet
{
    /// <summary>The temperature of K &gt; 1 votes when none is given: the paper's sampled judgments use 0.7.</summary>
    public const float VotingTemperature = 0.7f;

    private readonly Option<FileInfo> _judge = new("--judge", "-m") { Description = "GGUF judge model.", Required = true };
    private readonly Option<int> _votes = new("--votes", "-k") { Description = "Judgments per item and order, decoded once and forked; the majority verdict counts (1 = greedy).", DefaultValueFactory = _ => 1 };
    private readonly Option<float?> _temperature = new("--temperature", "-t") { Description = $"Sampling temperature (default 0 with one vote, {VotingTemperature} with more)." };
    private readonly Option<int> _maxTokens = new("--max-tokens") { Description = "New tokens per judgment at most.", DefaultValueFactory = _ => 256 };
    private readonly Option<uint> _seed = new("--seed", "-s") { Description = "Seed.", DefaultValueFactory = _ => 0u };
    private readonly Option<FileInfo?> _template = new("--prompt-template") { Description = "Judge template file (name:/version: header, ### system and ### user sections, {{instruction}}, {{answer_a}}, {{answer_b}})." };
    private readonly Option<string> _set = new("--prompts") { Description = $"Built-in prompt set when no --prompt-template is given: {string.Join(" or ", PromptSets.Names)} (tinyworld: the compact TinyWorld templates, and the raw chat format for models without a chat template).", DefaultValueFactory = _ => PromptSets.Default };
    private readonly Option<bool> _noGrammar = new("--no-grammar") { Description = "Let the judge write freely instead of forcing reasoning then exactly one [[A]] or [[B]]." };
    private readonly Option<int> _threads = CommonOptions.Threads();
    private readonly Option<int> _context = new("--context") { Description = "KV cells shared by the requests in flight (multiple of 256).", DefaultValueFactory = _ => 8192 };
    private readonly Option<bool> _verbose = CommonOptions.Verbose();

    public JudgeOptionSet(string seedDescription) => _seed.Description = seedDescription;

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _judge, _votes, _temperature, _maxTokens, _seed, _template, _set, _noGrammar, _threads, _context, _verbose })
            command.Options.Add(option);
    }

    /// <summary>Reads and checks the options; every error names its option.</summary>
    public JudgeSettings Read(ParseResult parse)
    {
        var model = parse.GetValue(_judge)!;
        if (!model.Exists)
            throw new FileNotFoundException($"--judge: no such file: {model.FullName}", model.FullName);
        var votes = parse.GetValue(_votes);
        if (votes is < 1 or > GenerationRequest.MaxSamplesLimit)
            throw new ArgumentException($"--votes: must be in [1, {GenerationRequest.MaxSamplesLimit}] (got {votes}).");
        var temperature = parse.GetValue(_temperature) ?? (votes > 1 ? VotingTemperature : 0f);
        if (float.IsNaN(temperature) || temperature is < 0 or > 10)
            throw new ArgumentException($"--temperature: must be in [0, 10] (got {temperature}).");
        if (votes > 1 && temperature == 0)
            throw new ArgumentException($"--votes: {votes} votes at --temperature 0 would be {votes} copies of one greedy judgment; give a temperature above 0.");
        var maxTokens = parse.GetValue(_maxTokens);
        var grammar = !parse.GetValue(_noGrammar);
        if (maxTokens < 1 || (grammar && maxTokens <= VerdictGrammar.ReservedTokens))
            throw new ArgumentException($"--max-tokens: must exceed {(grammar ? VerdictGrammar.ReservedTokens : 0)}{(grammar ? " with the verdict grammar" : "")} (got {maxTokens}).");
        var context = parse.GetValue(_context);
        if ((long)votes * maxTokens >= context)
            throw new ArgumentException($"--context: {context} KV cells cannot hold a prompt plus {votes} votes × {maxTokens} tokens; raise --context or lower --votes/--max-tokens.");
        var template = parse.GetValue(_template);
        if (template is { Exists: false })
            throw new FileNotFoundException($"--prompt-template: no such file: {template.FullName}", template.FullName);
        var set = parse.GetValue(_set)!;
        if (!PromptSets.Names.Contains(set, StringComparer.Ordinal))
            throw new ArgumentException($"--prompts: '{set}' is not a prompt set; use {string.Join(" or ", PromptSets.Names)}.");
        if (template is not null && parse.GetResult(_set) is { Implicit: false })
            throw new ArgumentException("--prompts and --prompt-template: give one of them.");
        return new JudgeSettings(model.FullName, votes, temperature, maxTokens, parse.GetValue(_seed), template?.FullName, grammar,
            parse.GetValue(_threads), context, parse.GetValue(_verbose)) { PromptSet = set };
    }
}
