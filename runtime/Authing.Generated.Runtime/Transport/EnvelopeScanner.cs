using System;
using System.Globalization;
using System.Text.Json;

namespace Authing.Generated.Runtime;

/// <summary>The envelope fields that decide whether a response is a failure, found by a pre-scan.</summary>
internal readonly record struct EnvelopeStatus(
    StatusCodeForm Form, int? StatusCode, int? ApiCode, string? Message, string? RequestId);

/// <summary>What the pre-scan found where the envelope's <c>statusCode</c> should be.</summary>
internal enum StatusCodeForm
{
    /// <summary>The JSON went wrong before a statusCode was found; the typed reader will say where.</summary>
    Malformed,

    /// <summary>Well-formed JSON with no top-level statusCode: not an Authing envelope.</summary>
    Missing,

    /// <summary>A statusCode that is no whole number: <c>true</c>, <c>"abc"</c>, an object, <c>200.5</c>.</summary>
    NotWholeNumber,

    /// <summary>A whole number, as a JSON number in any notation or a numeric string.</summary>
    WholeNumber,
}

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
    /// Reads top-level properties until the end. Once <c>statusCode</c> is 200 it reads on only as far as the
    /// <c>requestId</c> that the log line wants, and stops at <c>data</c>, which the typed reader reads anyway; the
    /// message of a success is not read. How far it reads never depends on <paramref name="wantRequestId"/>, which
    /// only says whether the requestId's text is kept, so the outcome does not depend on the log level. Malformed
    /// JSON ends the scan; the typed reader, which reads the whole envelope, will meet the same fault and say where.
    /// </summary>
    // Limitation: a successful call's requestId is logged only when it comes before data, as Authing writes it.
    public static EnvelopeStatus Scan(ReadOnlySpan<byte> json, bool wantRequestId = true)
    {
        StatusCodeForm form = StatusCodeForm.Malformed;
        int? statusCode = null;
        int? apiCode = null;
        string? message = null;
        string? requestId = null;
        bool requestIdSeen = false;
        var reader = new Utf8JsonReader(json);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return default;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                bool succeeded = statusCode == SuccessStatusCode;
                if (succeeded && (requestIdSeen || reader.ValueTextEquals("data"u8)))
                {
                    break;
                }

                if (reader.ValueTextEquals("statusCode"u8))
                {
                    reader.Read();
                    statusCode = ReadWholeNumber(ref reader);
                    form = statusCode is null ? StatusCodeForm.NotWholeNumber : StatusCodeForm.WholeNumber;
                }
                else if (reader.ValueTextEquals("apiCode"u8))
                {
                    reader.Read();
                    apiCode = ReadWholeNumber(ref reader);
                }
                else if (!succeeded && reader.ValueTextEquals("message"u8))
                {
                    reader.Read();
                    message = ReadText(ref reader);
                }
                else if (reader.ValueTextEquals("requestId"u8))
                {
                    reader.Read();
                    requestIdSeen = true;
                    requestId = wantRequestId || !succeeded ? ReadText(ref reader) : null;
                }
                else
                {
                    reader.Read();
                }

                // An object or array value is passed over whole, so nothing inside it is taken for the envelope's.
                reader.Skip();
            }

            if (form == StatusCodeForm.Malformed && reader.TokenType == JsonTokenType.EndObject)
            {
                form = StatusCodeForm.Missing;
            }
        }
        catch (JsonException)
        {
        }
        catch (InvalidOperationException)
        {
        }

        return new EnvelopeStatus(form, statusCode, apiCode, message, requestId);
    }

    /// <summary>
    /// The text of a string value; null for other values and for text that cannot be decoded, which is left to the
    /// typed reader to report, so that only broken JSON stops the scan.
    /// </summary>
    private static string? ReadText(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            return null;
        }

        try
        {
            return reader.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>
    /// A whole number in the range of <see cref="int"/>, in whatever form JSON allows (<c>500</c>, <c>500.0</c>,
    /// <c>5e2</c>) or as a numeric string (<c>"500"</c>); null for anything else.
    /// </summary>
    private static int? ReadWholeNumber(ref Utf8JsonReader reader)
    {
        decimal number = 0;
        bool parsed = reader.TokenType == JsonTokenType.Number
            ? reader.TryGetDecimal(out number)
            : reader.TokenType == JsonTokenType.String &&
                decimal.TryParse(ReadText(ref reader), NumberStyles.Float, CultureInfo.InvariantCulture, out number);

        return parsed && decimal.IsInteger(number) && number is >= int.MinValue and <= int.MaxValue
            ? (int)number
            : null;
    }
}
