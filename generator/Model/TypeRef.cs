namespace Authing.Generated.Generator.Model;

/// <summary>What a table's type cell means once read.</summary>
internal enum ValueKind
{
    /// <summary>A free-form JSON value: <c>object</c> without a named type, an empty or unknown cell.</summary>
    Json,
    String,
    Number,
    Boolean,

    /// <summary>A data structure defined in a <c>Data Structure</c> section, by name.</summary>
    Named,
}

/// <summary>The type of one field: a scalar, a named structure, or an array of either.</summary>
internal sealed record TypeRef(ValueKind Kind, string? Name, bool IsArray)
{
    public static readonly TypeRef Json = new(ValueKind.Json, null, false);
    public static readonly TypeRef String = new(ValueKind.String, null, false);
    public static readonly TypeRef Number = new(ValueKind.Number, null, false);
    public static readonly TypeRef Boolean = new(ValueKind.Boolean, null, false);

    public static TypeRef NamedType(string name, bool isArray) => new(ValueKind.Named, name, isArray);

    public TypeRef AsArray() => this with { IsArray = true };

    public TypeRef AsElement() => this with { IsArray = false };

    public override string ToString() => (Kind == ValueKind.Named ? Name : Kind.ToString().ToLowerInvariant()) + (IsArray ? "[]" : "");
}
