namespace OrleansEvaluator.Core.Prompts;

/// <summary>One <c>{{…}}</c> occurrence in template text; <see cref="Name"/> is the text between the braces.</summary>
internal readonly record struct PlaceholderToken(int Start, int Length, string Name, bool IsValid);
