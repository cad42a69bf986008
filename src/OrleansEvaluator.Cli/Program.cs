using OrleansEvaluator.Cli;

return await OevalCommand.Create().Parse(args).InvokeAsync();
