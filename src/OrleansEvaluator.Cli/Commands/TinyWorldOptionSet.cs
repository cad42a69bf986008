using System.CommandLine;
using OrleansEvaluator.Core.TinyWorld;

namespace OrleansEvaluator.Cli.Commands;

/// <summary>
/// The world options <c>oeval data tinyworld</c>, <c>oeval seed tinyworld</c> and <c>oeval demo</c> share, so that
/// the seed rows one writes are the rows the others train on (and replay is the seed's own data).
/// </summary>
internal sealed class TinyWorldOptionSet
{
    private readonly Option<ulong> _seed = new("--seed") { Description = "Seed of the world, of the seed model's weights and training, and of the demo's run.", DefaultValueFactory = _ => 7UL };
    private readonly Option<double> _documents = new("--documents")
    {
        Description = "Share of the seed's answering examples written as documents: answered questions before the asked one.",
        DefaultValueFactory = _ => 0,
    };
    private readonly Option<double> _repeats = new("--repeats")
    {
        Description = "Share of documents that answer their own question earlier, as the target does (practice in copying from the context).",
        DefaultValueFactory = _ => 0,
    };
    private readonly Option<double> _afterResponses = new("--after-responses")
    {
        Description = "Share of the seed's lone answering examples asked after two answers laid out as the judge prompt's responses.",
        DefaultValueFactory = _ => new TinyWorldOptions().AfterResponsesFraction,
    };
    private readonly Option<int> _maxNumber = new("--max-number") { Description = "Numbers run from 0 to this (successor and comparison).", DefaultValueFactory = _ => new TinyWorldOptions().MaxNumber };
    private readonly Option<int> _categories = new("--categories") { Description = "How many of the lexicon's categories the world uses (a prefix of its list).", DefaultValueFactory = _ => new TinyWorldOptions().CategoryCount };
    private readonly Option<int> _answering = new("--answering") { Description = "The seed's answering examples.", DefaultValueFactory = _ => new TinyWorldOptions().AnsweringExamples };
    private readonly Option<int> _modifications = new("--modifications") { Description = "The seed's modification examples.", DefaultValueFactory = _ => new TinyWorldOptions().ModificationExamples };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _seed, _maxNumber, _categories, _documents, _repeats, _afterResponses, _answering, _modifications })
            command.Options.Add(option);
    }

    /// <summary>Reads and checks the options; a bad value is an error naming its option.</summary>
    public TinyWorldOptions Read(ParseResult parse)
    {
        var options = new TinyWorldOptions
        {
            Seed = parse.GetValue(_seed), MaxNumber = parse.GetValue(_maxNumber), CategoryCount = parse.GetValue(_categories),
            DocumentFraction = parse.GetValue(_documents), RepeatFraction = parse.GetValue(_repeats),
            AfterResponsesFraction = parse.GetValue(_afterResponses),
            AnsweringExamples = parse.GetValue(_answering), ModificationExamples = parse.GetValue(_modifications),
        };
        if (options.Validate() is [var problem, ..])
            throw new ArgumentException(OptionNames.Rename(problem, OptionOfField) ?? problem);
        return options;
    }

    // The options' field each command-line option sets, so a problem names the option the user typed.
    private static readonly (string Field, string Option)[] OptionOfField =
    [
        (nameof(TinyWorldOptions.MaxNumber), "--max-number"), (nameof(TinyWorldOptions.CategoryCount), "--categories"),
        (nameof(TinyWorldOptions.DocumentFraction), "--documents"), (nameof(TinyWorldOptions.RepeatFraction), "--repeats"),
        (nameof(TinyWorldOptions.AfterResponsesFraction), "--after-responses"),
        (nameof(TinyWorldOptions.AnsweringExamples), "--answering"), (nameof(TinyWorldOptions.ModificationExamples), "--modifications"),
    ];
}
