namespace OrleansEvaluator.Cli.Commands;

/// <summary>The loop settings <c>oeval demo</c> takes from its options and writes into the run config.</summary>
internal sealed record DemoLoop(int Iterations, int Samples, int Pairs, int Exercises, int Epochs);
