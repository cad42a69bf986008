using System.Text;
using CsCheck;
using OrleansEvaluator.Data;

namespace OrleansEvaluator.Core.Tests;

/// <summary>CsCheck generators for the persisted records, with text that stresses encoders (quotes, escapes, emoji, control characters).</summary>
internal static class Generators
{
    private static readonly Gen<Rune> s_rune = Gen.Frequency(
        (6, Gen.Int[0x20, 0x7E].Select(i => new Rune(i))),
        (1, Gen.OneOf(new Rune('\n'), new Rune('\r'), new Rune('\t'), new Rune('"'), new Rune('\\'), new Rune(0), new Rune(0x1F))),
        (2, Gen.Int[0xA0, 0xD7FF].Select(i => new Rune(i))),
        (1, Gen.Int[0x1F300, 0x1FAFF].Select(i => new Rune(i))));

    public static readonly Gen<string> Text = s_rune.Array[0, 40].Select(runes =>
    {
        var sb = new StringBuilder();
        foreach (var r in runes)
            sb.Append(r.ToString());
        return sb.ToString();
    });

    public static readonly Gen<string?> OptionalText = Gen.Frequency((3, Text.Select(s => (string?)s)), (1, Gen.Const((string?)null)));

    public static readonly Gen<Verdict?> OptionalVerdict = Gen.OneOf<Verdict?>(null, Verdict.A, Verdict.B);

    public static readonly Gen<Instruction> Instruction =
        Gen.Select(Text, Text, OptionalText, OptionalText, (a, b, c, d) => new Instruction(a, b, c, d));

    public static readonly Gen<PreferencePair> Pair =
        Gen.Select(Text, Text, Text, Text, Text, Text, Text, (a, b, c, d, e, f, g) => new PreferencePair(a, b, c, d, e, f, g));

    public static readonly Gen<JudgmentSample> Judgment =
        Gen.Select(Text, Gen.Int[0, 10], Gen.Int[0, 64], Gen.Enum<PresentationOrder>(), Text, Text, OptionalVerdict, Gen.Enum<VerdictFailure>(),
            (a, b, c, d, e, f, g, h) => new JudgmentSample(a, b, c, d, e, f, g, h));

    public static readonly Gen<AcceptedTrace> Trace =
        Gen.Select(Text, Gen.Int[0, 10], Gen.Int[0, 64], Gen.Enum<PresentationOrder>(), Text, Text, Text, Gen.Enum<Verdict>(),
            (a, b, c, d, e, f, g, h) => new AcceptedTrace(a, b, c, d, e, f, g, h));

    public static readonly Gen<SftExample> Sft = Gen.Select(Text, Text, Text, Gen.Bool, (a, b, c, d) => new SftExample(a, b, c, d));

    public static readonly Gen<DpoPair> Dpo = Gen.Select(Text, Text, Text, Text, (a, b, c, d) => new DpoPair(a, b, c, d));

    public static readonly Gen<PairwiseItem> Item =
        Gen.Select(Text, Text, Text, Text, Text, Text, Gen.Bool, Gen.OneOf<int?>(null, 1, 2),
            (a, b, c, d, e, f, g, h) => new PairwiseItem(a, b, c, d, e, f, g, h));

    public static readonly Gen<EvaluationResult> Result =
        Gen.Select(Gen.Select(Text, Text, Text, Gen.Enum<PresentationOrder>(), Gen.Int[0, 32]),
            Gen.Select(Text, Gen.Int[0, 10], Text, OptionalVerdict, Gen.Enum<VerdictFailure>()),
            (x, y) => new EvaluationResult(x.Item1, x.Item2, x.Item3, x.Item4, x.Item5, y.Item1, y.Item2, y.Item3, y.Item4, y.Item5));
}
