using System.Buffers;
using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace OrleansEvaluator.Core.Runs;

/// <summary>
/// Turns one YAML document into the JSON a run config is read from, so both formats go through the same model,
/// unknown-field refusal and validation. Scalars follow the YAML 1.2 core schema: a plain <c>true</c>/<c>false</c>,
/// <c>null</c>/<c>~</c>/empty, integer or float becomes a JSON bool, null or number; every other scalar, and every
/// quoted or block scalar, stays a string. Anchors, aliases, tags other than <c>!!str</c>, several documents,
/// duplicate keys and keys that are not strings are refused, each with its line and column.
/// </summary>
internal static partial class YamlConfigReader
{
    private const int MaxDepth = 64;

    private const string StrTag = "tag:yaml.org,2002:str";
    private const string MapTag = "tag:yaml.org,2002:map";
    private const string SeqTag = "tag:yaml.org,2002:seq";

    /// <summary>The JSON text, and where each JSON path (as System.Text.Json spells it, e.g. <c>$.judging.samples</c>) sits in the YAML.</summary>
    internal sealed record Result(string Json, IReadOnlyDictionary<string, Mark> Locations);

    /// <exception cref="RunConfigException">The text is not YAML, or uses something a run config does not allow.</exception>
    public static Result Read(string yaml, string source) => new Reader(yaml, source).Read();

    /// <summary><c>line L, column C</c> (both from 1).</summary>
    internal static string At(Mark mark) => $"line {mark.Line}, column {mark.Column}";

    /// <summary>How a JSON path names a field in messages: <c>judging.samples</c>, <c>benchmarks[0]</c>.</summary>
    internal static string Field(string path) => path.TrimStart('$', '.');

    private sealed class Reader(string yaml, string source)
    {
        /// <summary>Characters for which System.Text.Json writes a property as <c>['name']</c> in a path.</summary>
        private static readonly SearchValues<char> s_special = SearchValues.Create(".'[]() \t\n\r\f\b\\\u0085\u2028\u2029");

        private readonly Scanner _scanner = new(new StringReader(yaml), skipComments: true);
        private Parser? _parser;

        public Result Read()
        {
            try
            {
                Expect<StreamStart>();
                if (Peek() is StreamEnd)
                    throw Fail("the file holds no YAML document.");
                Expect<DocumentStart>();
                var buffer = new ArrayBufferWriter<byte>();
                using (var writer = new Utf8JsonWriter(buffer))
                    Node(writer, "$", 0);
                Expect<DocumentEnd>();
                if (Peek() is DocumentStart second)
                    throw Fail($"a run config is one YAML document; a second one starts at {At(second.Start)}.");
                Expect<StreamEnd>();
                return new Result(Encoding.UTF8.GetString(buffer.WrittenSpan), Locations);
            }
            catch (YamlException e)
            {
                throw Fail($"YAML syntax error at {At(e.Start)}: {e.Message}");
            }
        }

        /// <summary>The next event, not yet consumed; null at the end of the stream.</summary>
        private ParsingEvent? Peek()
        {
            if (_parser is null)
            {
                _parser = new Parser(_scanner);
                Advance();
            }
            return _parser.Current;
        }

        private void Advance()
        {
            try
            {
                _parser!.MoveNext();
            }
            catch (Exception e) when (e is not YamlException)
            {
                // YamlDotNet fails this way on some malformed input (an unclosed flow sequence followed by a plain scalar).
                throw new YamlException(_scanner.CurrentPosition, _scanner.CurrentPosition, "malformed YAML here.", e);
            }
        }

        private T Expect<T>() where T : ParsingEvent
        {
            var next = Peek();
            if (next is not T e)
                throw new YamlException(next?.Start ?? _scanner.CurrentPosition, next?.End ?? _scanner.CurrentPosition, $"expected {typeof(T).Name}.");
            Advance();
            return e;
        }

        private Dictionary<string, Mark> Locations { get; } = new(StringComparer.Ordinal);

        private RunConfigException Fail(string problem) => new(source, [problem]);

        private RunConfigException Fail(string path, Mark mark, string problem) =>
            Fail($"{(path == "$" ? "" : Field(path) + ": ")}{problem} ({At(mark)})");

        private void Node(Utf8JsonWriter writer, string path, int depth)
        {
            var e = Peek() ?? throw new YamlException("unexpected end of the YAML stream.");
            if (e is AnchorAlias alias)
                throw Fail(path, alias.Start, $"aliases (*{alias.Value}) are not supported; write the value out.");
            if (e is NodeEvent { Anchor.IsEmpty: false } anchored)
                throw Fail(path, anchored.Start, $"anchors (&{anchored.Anchor}) are not supported; write the value out.");
            if (depth > MaxDepth)
                throw Fail(path, e.Start, $"nested more than {MaxDepth} levels deep.");
            Locations.TryAdd(path, e.Start);
            switch (e)
            {
                case Scalar scalar:
                    Advance();
                    WriteScalar(writer, scalar, path);
                    break;
                case SequenceStart sequence:
                    CheckTag(sequence, SeqTag, path);
                    Advance();
                    writer.WriteStartArray();
                    for (var i = 0; Peek() is not SequenceEnd; i++)
                        Node(writer, $"{path}[{i}]", depth + 1);
                    Advance();
                    writer.WriteEndArray();
                    break;
                case MappingStart mapping:
                    CheckTag(mapping, MapTag, path);
                    Advance();
                    writer.WriteStartObject();
                    var seen = new Dictionary<string, Mark>(StringComparer.Ordinal);
                    while (Peek() is not MappingEnd)
                    {
                        var (key, keyMark) = Key(path);
                        var child = Child(path, key);
                        if (!seen.TryAdd(key, keyMark))
                            throw Fail(child, keyMark, $"duplicate key (first at {At(seen[key])}).");
                        Locations[child] = keyMark;
                        writer.WritePropertyName(key);
                        Node(writer, child, depth + 1);
                    }
                    Advance();
                    writer.WriteEndObject();
                    break;
                default:
                    throw new YamlException(e.Start, e.End, $"unexpected {e.GetType().Name}.");
            }
        }

        private void CheckTag(NodeEvent node, string allowed, string path)
        {
            if (!node.Tag.IsEmpty && !node.Tag.IsNonSpecific && node.Tag.Value != allowed)
                throw Fail(path, node.Start, $"tag '{node.Tag.Value}' is not supported here.");
        }

        private (string Key, Mark Mark) Key(string path)
        {
            var e = Peek()!;
            switch (e)
            {
                case AnchorAlias alias:
                    throw Fail(path, alias.Start, $"aliases (*{alias.Value}) are not supported; write the value out.");
                case Scalar { Anchor.IsEmpty: false } anchored:
                    throw Fail(path, anchored.Start, $"anchors (&{anchored.Anchor}) are not supported; write the value out.");
                case Scalar scalar:
                    var (kind, _) = Resolve(scalar, path);
                    if (kind != Kind.String)
                        throw Fail(path, scalar.Start, $"mapping keys must be strings; '{scalar.Value}' is {Describe(kind)} (quote it to make it a string).");
                    Advance();
                    return (scalar.Value, scalar.Start);
                default:
                    throw Fail(path, e.Start, "mapping keys must be strings, not a mapping or a sequence.");
            }
        }

        private void WriteScalar(Utf8JsonWriter writer, Scalar scalar, string path)
        {
            var (kind, json) = Resolve(scalar, path);
            switch (kind)
            {
                case Kind.Null: writer.WriteNullValue(); break;
                case Kind.Bool: writer.WriteBooleanValue(json == "true"); break;
                case Kind.Number: writer.WriteRawValue(json); break;
                default: writer.WriteStringValue(scalar.Value); break;
            }
        }

        /// <summary>The core-schema type of a scalar and, for a number or bool, its JSON text (else empty).</summary>
        private (Kind Kind, string Json) Resolve(Scalar scalar, string path)
        {
            if (!scalar.Tag.IsEmpty)
            {
                if (scalar.Tag.IsNonSpecific || scalar.Tag.Value == StrTag)
                    return (Kind.String, "");
                throw Fail(path, scalar.Start, $"tag '{scalar.Tag.Value}' is not supported (only !!str, to force a string).");
            }
            if (scalar.Style != ScalarStyle.Plain)
                return (Kind.String, "");
            var v = scalar.Value;
            if (v is "" or "~" or "null" or "Null" or "NULL")
                return (Kind.Null, "null");
            if (v is "true" or "True" or "TRUE")
                return (Kind.Bool, "true");
            if (v is "false" or "False" or "FALSE")
                return (Kind.Bool, "false");
            if (DecimalInteger().IsMatch(v))
                return (Kind.Number, BigInteger.Parse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture));
            if (v.StartsWith("0x", StringComparison.Ordinal) && HexDigits().IsMatch(v.AsSpan(2)))
                return (Kind.Number, BigInteger.Parse("0" + v[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture));
            if (v.StartsWith("0o", StringComparison.Ordinal) && OctalDigits().IsMatch(v.AsSpan(2)))
                return (Kind.Number, v[2..].Aggregate(BigInteger.Zero, (n, d) => (n * 8) + (d - '0')).ToString(CultureInfo.InvariantCulture));
            if (Float().Match(v) is { Success: true } f)
                return (Kind.Number, JsonFloat(f));
            if (NonFinite().IsMatch(v))
                throw Fail(path, scalar.Start, $"'{v}' is not a finite number, which a run config cannot hold.");
            return (Kind.String, "");
        }

        /// <summary>A YAML float (<c>+1.</c>, <c>.5e3</c>, <c>007.5</c>) spelt as JSON wants it (<c>1.0</c>, <c>0.5e3</c>, <c>7.5</c>).</summary>
        private static string JsonFloat(Match m)
        {
            var text = new StringBuilder();
            if (m.Groups["sign"].Value == "-")
                text.Append('-');
            var whole = m.Groups["whole"].Value.TrimStart('0');
            text.Append(whole.Length == 0 ? "0" : whole);
            if (m.Groups["dot"].Success)
                text.Append('.').Append(m.Groups["frac"].Value is { Length: > 0 } frac ? frac : "0");
            return text.Append(m.Groups["exp"].Value).ToString();
        }

        private static string Describe(Kind kind) => kind switch
        {
            Kind.Null => "null",
            Kind.Bool => "a bool",
            _ => "a number",
        };

        private static string Child(string path, string key) =>
            key.Length > 0 && key.AsSpan().IndexOfAny(s_special) < 0
                ? $"{path}.{key}"
                : $"{path}['{key.Replace("'", "\\'", StringComparison.Ordinal)}']";
    }

    private enum Kind { String, Null, Bool, Number }

    [GeneratedRegex(@"^[-+]?[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex DecimalInteger();

    [GeneratedRegex(@"^[0-9a-fA-F]+$", RegexOptions.CultureInvariant)]
    private static partial Regex HexDigits();

    [GeneratedRegex(@"^[0-7]+$", RegexOptions.CultureInvariant)]
    private static partial Regex OctalDigits();

    [GeneratedRegex(@"^(?<sign>[-+]?)(?:(?<dot>\.)(?<frac>[0-9]+)|(?<whole>[0-9]+)(?:(?<dot>\.)(?<frac>[0-9]*))?)(?<exp>[eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Float();

    [GeneratedRegex(@"^(?:[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$", RegexOptions.CultureInvariant)]
    private static partial Regex NonFinite();
}
