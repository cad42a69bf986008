using System.CommandLine;
using OrleansEvaluator.Cli.Commands;

namespace OrleansEvaluator.Cli;

/// <summary>The root <c>oeval</c> command.</summary>
internal static class OevalCommand
{
    public static RootCommand Create()
    {
        var root = new RootCommand("OrleansEvaluator: train an LLM judge without human labels (Self-Taught Evaluator on Orleans).");
        root.Subcommands.Add(GenerateCommand.Create());
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(EvalCommand.Create());
        root.Subcommands.Add(JudgeCommand.Create());
        root.Subcommands.Add(DataCommand.Create());
        root.Subcommands.Add(TrainCommand.Create());
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(SeedCommand.Create());
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(ReportCommand.Create());
        root.Subcommands.Add(SiloCommand.Create());
        root.Subcommands.Add(SubmitCommand.Create());
        root.Subcommands.Add(StatusCommand.Create());
        root.Subcommands.Add(BenchCommand.Create());
        return root;
    }
}
