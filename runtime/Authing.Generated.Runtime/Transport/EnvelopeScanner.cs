using System;
using System.Globalization;
using System.Text.Json;

namespace Authing.Generated.Runtime;

/// <summary>The envelope fields that decide whether a response is a failure, found by a pre-scan.</summary>
internal readonly record struct EnvelopeStatus(int? StatusCode, int? ApiCode, string? Message, string? RequestId);

/// <summary>
/// Looks at the top-level properties of a response envelope without reading <c>data</c> into anything, so that a
/// failed call is reported from its <c>statusCode</c> before the typed reader runs.
/// </summary>
internal static class EnvelopeScanner
{
    public const int SuccessStatusCode = 200;

    /// <summary>True when the body, after optional whitespace, starts like a JSON object.</summary>
    public static bool StartsLikeObject(ReadOnlySpan<byte> json)
    {
        int i = 0;
        while (i < json.Length && json[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            i++;
        }

        return i < json.Length && json[i] == (byte)'{';
    }

    /// <summary>
    /// Reads top-level properties until the end, stopping early when <c>statusCode</c> is 200, because the rest
    /// then goes to the typed reader anyway. Malformed JSON ends the scan; the typed reader will say where.
    /// </summary>
    // Limitation: a successful call's requestId is only known (and logged) when it comes before statusCode.
    public static EnvelopeStatus Scan(ReadOnlySpan<byte> json)
    {
        int? statusCode = null;
        int? apiCode = null;
        string? message = null;
        string? requestId = null;
        var reader = new Utf8JsonReader(json);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return default;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("statusCode"u8))
                {
                    reader.Read();
                    statusCode = ReadInteger(ref reader);
                    if (statusCode == SuccessStatusCode)
                    {
                        break;
                    }
                }
                else if (reader.ValueTextEquals("apiCode"u8))
                {
                    reader.Read();
                    apiCode = ReadInteger(ref reader);
                }
                else if (reader.ValueTextEquals("message"u8))
                {
                    reader.Read();
                    message = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                }
                else if (reader.ValueTextEquals("requestId"u8))
                {
                    reader.Read();
                    requestId = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }
        }
        catch (JsonException)
        {
        }
        catch (InvalidOperationException)
        {
        }

        return new EnvelopeStatus(statusCode, apiCode, message, requestId);
    }

    private static int? ReadInteger(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out int number))
        {
            return number;
        }

        if (reader.TokenType == JsonTokenType.String &&
            int.TryParse(reader.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out number))
        {
            return number;
        }

        return null;
    }
}
