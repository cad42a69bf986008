using System.CommandLine;
using Microsoft.Extensions.Hosting;
using OrleansEvaluator.Inference.Configuration;
using OrleansEvaluator.Inference.Llama;
using OrleansEvaluator.Serving;

namespace OrleansEvaluator.Cli.Commands;

/// <summary><c>oeval serve</c>: an OpenAI-compatible endpoint for GGUF models, on the batching engine.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var models = new Option<string[]>("--model", "-m")
        {
            Description = "GGUF model to serve, as FILE or ID=FILE (repeatable); the id defaults to the file name without extension.",
            Required = true,
        };
        var urls = new Option<string>("--urls") { Description = "Listen address.", DefaultValueFactory = _ => "http://127.0.0.1:8080" };
        var context = new Option<int>("--context") { Description = "KV cells per model.", DefaultValueFactory = _ => 8192 };
        var sequences = new Option<int>("--max-sequences") { Description = "Sequences decoded at once per model.", DefaultValueFactory = _ => 64 };
        var threads = CommonOptions.Threads();
        var verbose = CommonOptions.Verbose();
        var command = new Command("serve", "Serve GGUF models over POST /v1/chat/completions and /v1/completions (n samples are forked).")
        {
            models, urls, context, sequences, threads, verbose,
        };
        command.SetAction((parse, ct) => CliErrors.RunAsync(async () =>
        {
            using var loggers = CommonOptions.Loggers(parse.GetValue(verbose));
            await using var engine = LlamaEngine.Create(new LlamaEngineOptions
            {
                ContextSize = parse.GetValue(context), MaxSequences = parse.GetValue(sequences), Threads = parse.GetValue(threads),
            }, loggers);
            foreach (var spec in parse.GetValue(models)!)
            {
                var eq = spec.IndexOf('=', StringComparison.Ordinal);
                var path = eq < 0 ? spec : spec[(eq + 1)..];
                var id = eq < 0 ? Path.GetFileNameWithoutExtension(path) : spec[..eq];
                var info = await engine.LoadAsync(id, path, ct);
                Console.WriteLine($"loaded {info.Id} from {info.Path} ({info.ParameterCount:N0} parameters)");
            }
            await using var app = OpenAiServer.Build(engine, parse.GetValue(urls)!);
            await app.StartAsync(ct);
            Console.WriteLine($"serving on {OpenAiServer.Address(app)} (Ctrl-C stops)");
            await app.WaitForShutdownAsync(ct);
            return 0;
        }));
        return command;
    }
}
