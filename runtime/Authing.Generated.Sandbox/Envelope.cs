using System;
using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Authing.Generated.Sandbox;

/// <summary>Writes response envelopes: errors, a minimal success, and an example with a new request id.</summary>
internal static class Envelope
{
    private const string RequestIdName = "requestId";

    // Escapes what JSON needs but keeps '&' and non-ASCII readable: envelopes are read by clients, not HTML pages.
    private static readonly JavaScriptEncoder TextEncoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    /// <summary>An error envelope: status code, message, api code and a fresh request id, never data.</summary>
    public static byte[] Error(int statusCode, int apiCode, string message) =>
        Write(statusCode, message, apiCode, NewRequestId());

    /// <summary>A success envelope without data, for a page that has no usable example result.</summary>
    public static byte[] MinimalSuccess(string? requestId) =>
        Write(200, "Success", apiCode: null, requestId ?? NewRequestId());

    /// <summary>
    /// The example with its top-level <c>requestId</c> value replaced, or added first when it has none. Every other
    /// byte is kept, so the rest of the example stays verbatim.
    /// </summary>
    public static byte[] WithRequestId(byte[] example, string requestId)
    {
        byte[] value = Encoding.UTF8.GetBytes("\"" + JsonEncodedText.Encode(requestId, TextEncoder).ToString() + "\"");
        var reader = new Utf8JsonReader(example);
        reader.Read();
        long objectStart = reader.TokenStartIndex;
        var hasProperties = false;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            hasProperties = true;
            bool isRequestId = reader.ValueTextEquals(RequestIdName);
            reader.Read();
            long valueStart = reader.TokenStartIndex;
            reader.Skip();
            if (isRequestId)
            {
                return Splice(example, (int)valueStart, (int)reader.BytesConsumed, value);
            }
        }

        byte[] property = Encoding.UTF8.GetBytes("\"" + RequestIdName + "\":");
        byte[] inserted = [.. property, .. value, .. hasProperties ? ","u8.ToArray() : []];
        int at = (int)objectStart + 1;
        return Splice(example, at, at, inserted);
    }

    private static byte[] Splice(byte[] source, int start, int end, byte[] replacement)
    {
        var result = new byte[source.Length - (end - start) + replacement.Length];
        source.AsSpan(0, start).CopyTo(result);
        replacement.CopyTo(result.AsSpan(start));
        source.AsSpan(end).CopyTo(result.AsSpan(start + replacement.Length));
        return result;
    }

    private static byte[] Write(int statusCode, string message, int? apiCode, string requestId)
    {
        var buffer = new ArrayBufferWriter<byte>(160);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = TextEncoder }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("statusCode", statusCode);
            writer.WriteString("message", message);
            if (apiCode is { } code)
            {
                writer.WriteNumber("apiCode", code);
            }

            writer.WriteString(RequestIdName, requestId);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static string NewRequestId() => Guid.NewGuid().ToString("D");
}
