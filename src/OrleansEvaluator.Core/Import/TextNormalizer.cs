using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OrleansEvaluator.Core.Import;

/// <summary>The comparison key for de-duplication: Unicode NFKC, lower case, whitespace runs collapsed, trimmed.</summary>
public static class TextNormalizer
{
    /// <summary>The normalized form of <paramref name="text"/>.</summary>
    public static string Key(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = text.Normalize(NormalizationForm.FormKC).ToLower(CultureInfo.InvariantCulture);
        var sb = new StringBuilder(normalized.Length);
        var space = false;
        foreach (var c in normalized)
        {
            if (char.IsWhiteSpace(c))
            {
                space = sb.Length > 0;
                continue;
            }
            if (space)
                sb.Append(' ');
            space = false;
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>A content-derived id: a prefix and the first 16 hex digits of the sha256 of the normalized text.</summary>
    public static string ContentId(string prefix, string text) =>
        prefix + "-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Key(text))))[..16];
}
