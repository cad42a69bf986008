using System.Text;

namespace OrleansEvaluator.Inference.Llama;

/// <summary>Extracts the double-quoted string literals of a GBNF grammar, with escapes resolved.</summary>
internal static class GbnfLiterals
{
    public static IEnumerable<string> Extract(string grammar)
    {
        var i = 0;
        while (i < grammar.Length)
        {
            var c = grammar[i];
            if (c == '#')
            {
                while (i < grammar.Length && grammar[i] != '\n')
                    i++;
                continue;
            }
            if (c == '[')
            {
                // Character classes are sets, not literals; skip to the closing bracket.
                i++;
                while (i < grammar.Length && grammar[i] != ']')
                    i += grammar[i] == '\\' ? 2 : 1;
                i++;
                continue;
            }
            if (c != '"')
            {
                i++;
                continue;
            }
            var sb = new StringBuilder();
            i++;
            while (i < grammar.Length && grammar[i] != '"')
            {
                if (grammar[i] == '\\' && i + 1 < grammar.Length)
                {
                    i++;
                    sb.Append(grammar[i] switch { 'n' => '\n', 't' => '\t', 'r' => '\r', var e => e });
                }
                else
                {
                    sb.Append(grammar[i]);
                }
                i++;
            }
            i++;
            if (sb.Length > 0)
                yield return sb.ToString();
        }
    }
}
