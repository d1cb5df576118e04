using System;
using System.Buffers;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Authing.Generated.Runtime;

/// <summary>
/// The JSON helpers that generated readers and writers call. Reading is strict about token types and reports
/// failures as <see cref="AuthingSerializationException"/>; writing produces the same text as JavaScript's
/// <c>JSON.stringify</c>, which is what the signature is computed over.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class AuthingJson
{
    /// <summary>
    /// Writer options that escape only what <c>JSON.stringify</c> escapes and write compact JSON. Use them for any
    /// writer whose output is sent or signed.
    /// </summary>
    public static JsonWriterOptions WriterOptions { get; } = new()
    {
        Encoder = JavaScriptJsonEncoder.Instance,
        Indented = false,
    };

    /// <summary>Creates a writer with <see cref="WriterOptions"/>.</summary>
    public static Utf8JsonWriter CreateWriter(IBufferWriter<byte> output) => new(output, WriterOptions);

    /// <summary>Advances to the next token; fails on the end of the data or on malformed JSON.</summary>
    public static void Next(ref Utf8JsonReader reader)
    {
        bool read;
        try
        {
            read = reader.Read();
        }
        catch (JsonException e)
        {
            throw Malformed(e);
        }

        if (!read)
        {
            throw new AuthingSerializationException("the JSON ends where a value was expected");
        }
    }

    /// <summary>Checks that the current token starts an object.</summary>
    public static void ExpectObject(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw Mismatch("an object", reader.TokenType);
        }
    }

    /// <summary>Checks that the current token starts an object, naming the type being read in the failure.</summary>
    public static void ExpectObject(ref Utf8JsonReader reader, string typeName)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw Mismatch("an object for " + typeName, reader.TokenType);
        }
    }

    /// <summary>
    /// The failure to throw when a required property is absent (or null) in the object being read; its path is the
    /// object's, and the message names the property.
    /// </summary>
    public static AuthingSerializationException MissingProperty(string propertyName, string typeName) =>
        new($"the required property '{propertyName}' of {typeName} is missing");

    /// <summary>
    /// Moves to the next property of the object being read and onto its value; false at the end of the object.
    /// </summary>
    public static bool NextProperty(ref Utf8JsonReader reader, out string name)
    {
        Next(ref reader);
        if (reader.TokenType != JsonTokenType.PropertyName)
        {
            name = string.Empty;
            return false;
        }

        name = reader.GetString()!;
        try
        {
            Next(ref reader);
        }
        catch (AuthingSerializationException e)
        {
            throw e.WithParent(name);
        }

        return true;
    }

    /// <summary>Reads the current token as a string.</summary>
    public static string ReadString(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw Mismatch("a string", reader.TokenType);
        }

        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException e)
        {
            throw new AuthingSerializationException("the string is not valid UTF-8 text", e);
        }
    }

    /// <summary>Reads the current token as a string, or null when it is JSON <c>null</c>.</summary>
    public static string? ReadStringOrNull(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : ReadString(ref reader);

    /// <summary>Reads the current token as a number.</summary>
    public static double ReadNumber(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            throw Mismatch("a number", reader.TokenType);
        }

        if (!reader.TryGetDouble(out double value) || !double.IsFinite(value))
        {
            throw new AuthingSerializationException("expected a number but found one out of the range of a double");
        }

        return value;
    }

    /// <summary>Reads the current token as a number, or null when it is JSON <c>null</c>.</summary>
    public static double? ReadNumberOrNull(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : ReadNumber(ref reader);

    /// <summary>Reads the current token as a boolean.</summary>
    public static bool ReadBoolean(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        _ => throw Mismatch("a boolean", reader.TokenType),
    };

    /// <summary>Reads the current token as a boolean, or null when it is JSON <c>null</c>.</summary>
    public static bool? ReadBooleanOrNull(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : ReadBoolean(ref reader);

    /// <summary>Reads the value that starts at the current token as a free-form node; JSON <c>null</c> gives null.</summary>
    public static JsonNode? ReadNode(ref Utf8JsonReader reader)
    {
        if (reader.TokenType is JsonTokenType.PropertyName or JsonTokenType.EndObject or JsonTokenType.EndArray
            or JsonTokenType.None or JsonTokenType.Comment)
        {
            throw Mismatch("a value", reader.TokenType);
        }

        try
        {
            return JsonNode.Parse(ref reader);
        }
        catch (JsonException e)
        {
            throw Malformed(e);
        }
    }

    /// <summary>
    /// Reads an array, each element with <paramref name="readElement"/>. A failure inside element <c>i</c> gets
    /// <c>[i]</c> in front of its path.
    /// </summary>
    /// <remarks>
    /// Two forms the reference pages' examples use for arrays are read too, losing nothing: a lone object where an
    /// array is expected is read as an array of that one element, and a string that holds a JSON array is read as
    /// that array.
    /// </remarks>
    public static IReadOnlyList<T> ReadArray<T>(ref Utf8JsonReader reader, AuthingJsonReader<T> readElement)
    {
        ArgumentNullException.ThrowIfNull(readElement);
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            try
            {
                return new[] { readElement(ref reader) };
            }
            catch (AuthingSerializationException e)
            {
                throw e.WithIndex(0);
            }
        }

        if (reader.TokenType == JsonTokenType.String && TryReadEmbeddedArray(ref reader, readElement, out var embedded))
        {
            return embedded;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw Mismatch("an array", reader.TokenType);
        }

        return ReadElements(ref reader, readElement);
    }

    private static bool TryReadEmbeddedArray<T>(ref Utf8JsonReader reader, AuthingJsonReader<T> readElement, out IReadOnlyList<T> elements)
    {
        elements = Array.Empty<T>();
        var text = reader.GetString();
        if (text is null || !text.TrimStart().StartsWith('['))
        {
            return false;
        }

        var inner = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(text));
        try
        {
            if (!inner.Read() || inner.TokenType != JsonTokenType.StartArray)
            {
                return false;
            }
        }
        catch (JsonException)
        {
            return false;
        }

        elements = ReadElements(ref inner, readElement);
        return true;
    }

    private static IReadOnlyList<T> ReadElements<T>(ref Utf8JsonReader reader, AuthingJsonReader<T> readElement)
    {
        var elements = new List<T>();
        while (true)
        {
            try
            {
                Next(ref reader);
                if (reader.TokenType == JsonTokenType.EndArray)
                {
                    return elements;
                }

                elements.Add(readElement(ref reader));
            }
            catch (AuthingSerializationException e)
            {
                throw e.WithIndex(elements.Count);
            }
        }
    }

    /// <summary>Skips the value that starts at the current token, such as the value of an unknown property.</summary>
    public static void Skip(ref Utf8JsonReader reader)
    {
        try
        {
            reader.Skip();
        }
        catch (JsonException e)
        {
            throw Malformed(e);
        }
    }

    /// <summary>
    /// Writes a number as JavaScript would: shortest round-trip digits, no <c>.0</c> on integers, an exponent only
    /// outside 1e-7 &lt; |x| &lt; 1e21. NaN and infinities have no JSON form and are refused.
    /// </summary>
    public static void WriteNumber(Utf8JsonWriter writer, double value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Span<byte> text = stackalloc byte[JavaScriptNumber.MaxLength];
        int length = JavaScriptNumber.FormatUtf8(value, text);
        writer.WriteRawValue(text[..length], skipInputValidation: true);
    }

    /// <summary>Writes a property and its number value; a NaN or infinity is refused naming the property.</summary>
    public static void WriteNumber(Utf8JsonWriter writer, string propertyName, double value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (!double.IsFinite(value))
        {
            throw NonFinite(propertyName, value);
        }

        writer.WritePropertyName(propertyName);
        WriteNumber(writer, value);
    }

    /// <summary>Writes a free-form node as <c>JSON.stringify</c> would; null writes JSON <c>null</c>.</summary>
    public static void WriteNode(Utf8JsonWriter writer, JsonNode? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonObject jsonObject:
                writer.WriteStartObject();
                foreach (KeyValuePair<string, JsonNode?> property in jsonObject)
                {
                    writer.WritePropertyName(property.Key);
                    WriteNode(writer, property.Value);
                }

                writer.WriteEndObject();
                break;
            case JsonArray jsonArray:
                writer.WriteStartArray();
                foreach (JsonNode? element in jsonArray)
                {
                    WriteNode(writer, element);
                }

                writer.WriteEndArray();
                break;
            default:
                WriteScalar(writer, value.AsValue());
                break;
        }
    }

    /// <summary>Writes a parsed JSON value as <c>JSON.stringify</c> would write the same value.</summary>
    public static void WriteElement(Utf8JsonWriter writer, JsonElement value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (JsonProperty property in value.EnumerateObject())
                {
                    writer.WritePropertyName(property.Name);
                    WriteElement(writer, property.Value);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (JsonElement element in value.EnumerateArray())
                {
                    WriteElement(writer, element);
                }

                writer.WriteEndArray();
                break;
            case JsonValueKind.String:
                writer.WriteStringValue(value.GetString());
                break;
            case JsonValueKind.Number:
                WriteNumber(writer, value.GetDouble());
                break;
            case JsonValueKind.True:
                writer.WriteBooleanValue(true);
                break;
            case JsonValueKind.False:
                writer.WriteBooleanValue(false);
                break;
            case JsonValueKind.Null:
                writer.WriteNullValue();
                break;
            default:
                throw new ArgumentException("An undefined JSON element cannot be written.", nameof(value));
        }
    }

    internal static ArgumentException NonFinite(string field, double value) =>
        new($"The number for '{field}' is {value}, which JSON cannot represent.", field);

    private static void WriteScalar(Utf8JsonWriter writer, JsonValue value)
    {
        if (value.TryGetValue(out JsonElement element))
        {
            WriteElement(writer, element);
        }
        else if (value.TryGetValue(out string? text))
        {
            writer.WriteStringValue(text);
        }
        else if (value.TryGetValue(out bool flag))
        {
            writer.WriteBooleanValue(flag);
        }
        else if (value.TryGetValue(out double number))
        {
            WriteNumber(writer, number);
        }
        else
        {
            // Any other CLR value (an int, a Guid, a DateTime...) is rendered by System.Text.Json first and then
            // rewritten, so numbers and strings still get JavaScript's formatting.
            using JsonDocument document = JsonDocument.Parse(value.ToJsonString());
            WriteElement(writer, document.RootElement);
        }
    }

    private static AuthingSerializationException Mismatch(string expected, JsonTokenType found) =>
        new($"expected {expected} but found {Describe(found)}");

    private static AuthingSerializationException Malformed(JsonException e) =>
        new("the JSON is malformed or ends early (" + e.Message + ")", e);

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "Object",
        JsonTokenType.StartArray => "Array",
        JsonTokenType.String => "String",
        JsonTokenType.Number => "Number",
        JsonTokenType.True or JsonTokenType.False => "Boolean",
        JsonTokenType.Null => "Null",
        JsonTokenType.PropertyName => "a property name",
        JsonTokenType.EndObject => "the end of an object",
        JsonTokenType.EndArray => "the end of an array",
        _ => token.ToString(),
    };
}
