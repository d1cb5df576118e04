namespace Authing.Generated.Generator.Model;

/// <summary>Which text of a page a generated doc comment takes, and so how it is looked up there.</summary>
internal enum TextKind : byte
{
    /// <summary>No text: the emitter writes its fallback.</summary>
    None,

    /// <summary>A data structure's description.</summary>
    Structure,

    /// <summary>The operation's title, as the summary of its parameters class.</summary>
    Request,

    /// <summary>The operation's title and description.</summary>
    Operation,

    /// <summary>A field's description.</summary>
    Field,

    /// <summary>The first line of a field's description, as the summary of the enumeration made for it.</summary>
    EnumType,

    /// <summary>A listed value's description.</summary>
    EnumValue,

    /// <summary>The built-in description of an envelope field, for a page without a response table.</summary>
    Envelope,
}

/// <summary>
/// Where the text of a doc comment is: the page (its place among the operation pages in path order), the table
/// (<see cref="RequestTable"/>, <see cref="ResponseTable"/> or the index of a data structure), the row and the
/// listed value. The pages are merged without their wording, and these say where to find it afterwards.
/// </summary>
internal readonly record struct TextRef(TextKind Kind, int Page, int Table, int Row, int Value)
{
    public const int RequestTable = -1;
    public const int ResponseTable = -2;

    /// <summary>A data structure's description; also, for the request and response tables, where the table is.</summary>
    public static TextRef Structure(int page, int table) => new(TextKind.Structure, page, table, -1, -1);

    public static TextRef Request(int page) => new(TextKind.Request, page, RequestTable, -1, -1);

    public static TextRef Operation(int page) => new(TextKind.Operation, page, -1, -1, -1);

    /// <summary>The field's own text, or, for the envelope's built-in fields, theirs.</summary>
    public static TextRef Field(int page, int table, int row, bool envelope) =>
        new(envelope ? TextKind.Envelope : TextKind.Field, page, table, row, -1);

    /// <summary>Whether the text is on a page, rather than nowhere or built in.</summary>
    public bool IsOnPage => Kind is not (TextKind.None or TextKind.Envelope);

    public TextRef AsEnumType() => this with { Kind = TextKind.EnumType };

    public TextRef ValueAt(int value) => this with { Kind = TextKind.EnumValue, Value = value };
}
