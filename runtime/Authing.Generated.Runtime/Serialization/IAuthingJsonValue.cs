using System.ComponentModel;
using System.Text.Json;

namespace Authing.Generated.Runtime;

/// <summary>A value that writes itself as JSON. Generated records and enum structs implement it.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IAuthingJsonValue
{
    /// <summary>Writes this value as exactly one JSON value.</summary>
    /// <param name="writer">The writer to write to; its encoder decides how strings are escaped.</param>
    void WriteJson(Utf8JsonWriter writer);
}

/// <summary>An "extensible enum": a string value that may be one of the documented constants or any other.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IAuthingEnum : IAuthingJsonValue
{
    /// <summary>The value as sent on the wire.</summary>
    string Value { get; }
}

/// <summary>Reads one value of type <typeparamref name="T"/>.</summary>
/// <param name="reader">
/// Positioned on the value's first token; on return it must be positioned on the value's last token.
/// </param>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate T AuthingJsonReader<T>(ref Utf8JsonReader reader);
