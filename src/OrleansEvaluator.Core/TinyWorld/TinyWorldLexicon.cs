namespace OrleansEvaluator.Core.TinyWorld;

/// <summary>
/// The fixed words of the TinyWorld: categories with their members, and the instruction words. Every word is lower
/// case ASCII without punctuation, so one SentencePiece piece per word is possible.
/// </summary>
/// <remarks>
/// The categories are disjoint, and no member is also a category name, an instruction word or a number: that is what
/// makes "name a fruit" → "dog" wrong for sure, so a neighbour's answer can be checked by the oracle alone. Words
/// that belong to two everyday categories (orange, lime, rose as a colour, cricket, plane) are left out on purpose.
/// </remarks>
public static class TinyWorldLexicon
{
    /// <summary>The categories in a fixed order (options take a prefix of it), each with its members.</summary>
    public static IReadOnlyList<(string Name, IReadOnlyList<string> Members)> Categories { get; } =
    [
        ("fruit", ["apple", "banana", "cherry", "grape", "lemon", "mango", "peach", "pear", "plum"]),
        ("mammal", ["cat", "dog", "horse", "cow", "pig", "sheep", "goat", "mouse", "bear", "wolf"]),
        ("color", ["red", "blue", "green", "yellow", "black", "white", "brown", "pink", "purple"]),
        ("bird", ["crow", "duck", "owl", "swan", "hawk", "robin", "eagle", "goose"]),
        ("tool", ["hammer", "saw", "drill", "wrench", "axe", "chisel", "shovel", "rake"]),
        ("vegetable", ["carrot", "potato", "onion", "pea", "bean", "leek", "cabbage", "turnip"]),
        ("fish", ["cod", "salmon", "trout", "tuna", "carp", "shark", "eel", "perch"]),
        ("insect", ["ant", "bee", "fly", "moth", "wasp", "beetle", "flea", "gnat"]),
        ("tree", ["oak", "pine", "elm", "birch", "maple", "willow", "cedar", "beech"]),
        ("flower", ["rose", "tulip", "daisy", "lily", "orchid", "iris", "poppy", "lotus"]),
        ("vehicle", ["car", "bus", "truck", "train", "boat", "bike", "ship", "tram"]),
        ("instrument", ["piano", "drum", "flute", "guitar", "violin", "harp", "trumpet", "cello"]),
        ("drink", ["tea", "coffee", "milk", "juice", "water", "soda", "cocoa", "wine"]),
        ("metal", ["iron", "gold", "silver", "copper", "tin", "lead", "zinc", "nickel"]),
        ("shape", ["circle", "square", "triangle", "star", "cube", "oval", "cone", "sphere"]),
        ("garment", ["shirt", "hat", "coat", "sock", "shoe", "scarf", "glove", "dress"]),
    ];

    /// <summary>Opens a repeat instruction.</summary>
    public const string RepeatWord = "repeat";

    /// <summary>Opens a successor instruction.</summary>
    public const string AfterWord = "after";

    /// <summary>Opens a predecessor instruction.</summary>
    public const string BeforeWord = "before";

    /// <summary>Opens a naming instruction.</summary>
    public const string NameWord = "name";

    /// <summary>Opens a comparison asking for the larger number.</summary>
    public const string BiggerWord = "bigger";

    /// <summary>Opens a comparison asking for the smaller number.</summary>
    public const string SmallerWord = "smaller";

    /// <summary>Joins the two numbers of a comparison.</summary>
    public const string OrWord = "or";

    /// <summary>Every instruction word, including both articles.</summary>
    public static IReadOnlyList<string> InstructionWords { get; } =
        [RepeatWord, AfterWord, BeforeWord, NameWord, "a", "an", BiggerWord, SmallerWord, OrWord];

    /// <summary>The article for a category name: <c>an</c> before a vowel, else <c>a</c>.</summary>
    public static string Article(string category) => "aeiou".Contains(category[0], StringComparison.Ordinal) ? "an" : "a";

    /// <summary>The largest number <see cref="TinyWorldOptions.MaxNumber"/> may be: two digits keep every number one piece.</summary>
    public const int LargestNumber = 99;
}
