using System;
using System.Buffers;
using System.Collections.Generic;
using System.ComponentModel;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Authing.Generated.Runtime;

/// <summary>
/// The Authing AK/SK request signature. Public so that tests and local servers can compute and verify signatures
/// exactly as the client does.
/// </summary>
/// <remarks>
/// The string to sign is the method and a line feed; then every header whose lower-case name starts with
/// <c>x-authing-</c>, plus <c>date</c>, as sorted <c>name:value</c> lines; then the path, and, when there are signed
/// parameters, <c>?</c> and <c>name=value</c> pairs sorted by name and joined with <c>&amp;</c>, not URL-encoded.
/// The signature is base64 of HMAC-SHA1 over its UTF-8 bytes, keyed with the access key secret.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class AuthingSignature
{
    /// <summary>Builds the string to sign. Headers that are not signed are ignored; parameters are sorted here.</summary>
    /// <param name="method">The HTTP method, such as <c>POST</c>.</param>
    /// <param name="path">The request path without query, such as <c>/api/v3/create-user</c>.</param>
    /// <param name="headers">The request headers, in any order and case.</param>
    /// <param name="signedParameters">Each top-level parameter name with its signing text.</param>
    public static string BuildStringToSign(
        string method,
        string path,
        IEnumerable<KeyValuePair<string, string>> headers,
        IEnumerable<KeyValuePair<string, string>> signedParameters)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(signedParameters);

        var signedHeaders = new List<KeyValuePair<string, string>>();
        foreach (KeyValuePair<string, string> header in headers)
        {
            string name = header.Key.ToLowerInvariant();
            if (name.StartsWith(AuthingHeaders.SignedPrefix, StringComparison.Ordinal) || name == AuthingHeaders.Date)
            {
                signedHeaders.Add(new KeyValuePair<string, string>(name, header.Value));
            }
        }

        signedHeaders.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));

        var text = new StringBuilder(256);
        text.Append(method).Append('\n');
        foreach (KeyValuePair<string, string> header in signedHeaders)
        {
            text.Append(header.Key).Append(':').Append(header.Value).Append('\n');
        }

        text.Append(path);
        AppendParameters(text, signedParameters);
        return text.ToString();
    }

    /// <summary>Base64 of HMAC-SHA1 over the UTF-8 bytes of <paramref name="stringToSign"/>.</summary>
    public static string ComputeSignature(string accessKeySecret, string stringToSign)
    {
        ArgumentNullException.ThrowIfNull(accessKeySecret);
        ArgumentNullException.ThrowIfNull(stringToSign);
        byte[] key = Encoding.UTF8.GetBytes(accessKeySecret);
        try
        {
            return ComputeSignature(key, stringToSign);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>
    /// As the public overload, with the secret already encoded. The text is encoded into a pooled buffer, cleared
    /// before it goes back because the text holds the request's parameter values.
    /// </summary>
    internal static string ComputeSignature(ReadOnlySpan<byte> key, string stringToSign)
    {
        byte[] data = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(stringToSign.Length));
        try
        {
            int length = Encoding.UTF8.GetBytes(stringToSign, data);
            Span<byte> hash = stackalloc byte[HMACSHA1.HashSizeInBytes];
            HMACSHA1.HashData(key, data.AsSpan(0, length), hash);
            return Convert.ToBase64String(hash);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(data, clearArray: true);
        }
    }

    /// <summary>The authorization header value: <c>authing &lt;accessKeyId&gt;:&lt;signature&gt;</c>.</summary>
    public static string FormatAuthorization(string accessKeyId, string signature) =>
        AuthingHeaders.AuthorizationScheme + " " + accessKeyId + ":" + signature;

    /// <summary>
    /// Checks an authorization header against the one expected for <paramref name="stringToSign"/>, in constant
    /// time for equal lengths.
    /// </summary>
    public static bool VerifyAuthorization(
        string? authorization, string accessKeyId, string accessKeySecret, string stringToSign)
    {
        if (authorization is null)
        {
            return false;
        }

        string expected = FormatAuthorization(accessKeyId, ComputeSignature(accessKeySecret, stringToSign));
        return CryptographicOperations.FixedTimeEquals(
            Encoding.UTF8.GetBytes(authorization), Encoding.UTF8.GetBytes(expected));
    }

    /// <summary>
    /// The signing text of a parameter value: a string raw, a number as JavaScript prints it, <c>true</c>,
    /// <c>false</c>, <c>null</c>, and objects and arrays as the compact text of <c>JSON.stringify</c>.
    /// </summary>
    public static string GetSigningText(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                return value.GetString()!;
            case JsonValueKind.Number:
                return JavaScriptNumber.ToString(value.GetDouble());
            case JsonValueKind.True:
                return "true";
            case JsonValueKind.False:
                return "false";
            case JsonValueKind.Null:
                return "null";
            case JsonValueKind.Object or JsonValueKind.Array:
                var buffer = new ArrayBufferWriter<byte>(256);
                using (Utf8JsonWriter writer = AuthingJson.CreateWriter(buffer))
                {
                    AuthingJson.WriteElement(writer, value);
                }

                return Encoding.UTF8.GetString(buffer.WrittenSpan);
            default:
                throw new ArgumentException("An undefined JSON element has no signing text.", nameof(value));
        }
    }

    /// <summary>
    /// The signed parameters of a JSON body as a server receives it: one per top-level property, with its signing
    /// text, sorted by ordinal name.
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, string>> GetSignedParameters(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException("A request body must be a JSON object.", nameof(body));
        }

        var parameters = new List<KeyValuePair<string, string>>();
        foreach (JsonProperty property in body.EnumerateObject())
        {
            parameters.Add(new KeyValuePair<string, string>(property.Name, GetSigningText(property.Value)));
        }

        parameters.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        return parameters;
    }

    /// <summary>
    /// The signed parameters of a query string as a server receives it, from its decoded name/value pairs in order:
    /// a plain pair is signed as its value, repeated <c>name[]</c> pairs as one JSON array named <c>name</c>.
    /// </summary>
    // Limitation: a query string cannot tell numbers from strings, so array elements are taken as strings; a GET
    // with a number[] or boolean[] parameter is signed by the client as [1,2] and cannot be rebuilt from the query.
    public static IReadOnlyList<KeyValuePair<string, string>> GetSignedParametersFromQuery(
        IEnumerable<KeyValuePair<string, string>> decodedPairs)
    {
        ArgumentNullException.ThrowIfNull(decodedPairs);
        var scalars = new Dictionary<string, string>(StringComparer.Ordinal);
        var arrays = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (KeyValuePair<string, string> pair in decodedPairs)
        {
            if (pair.Key.EndsWith("[]", StringComparison.Ordinal))
            {
                string name = pair.Key[..^2];
                if (!arrays.TryGetValue(name, out List<string>? elements))
                {
                    arrays[name] = elements = new List<string>();
                }

                elements.Add(pair.Value);
            }
            else
            {
                scalars[pair.Key] = pair.Value;
            }
        }

        var parameters = new List<KeyValuePair<string, string>>(scalars);
        foreach (KeyValuePair<string, List<string>> array in arrays)
        {
            var buffer = new ArrayBufferWriter<byte>(128);
            using (Utf8JsonWriter writer = AuthingJson.CreateWriter(buffer))
            {
                writer.WriteStartArray();
                foreach (string element in array.Value)
                {
                    writer.WriteStringValue(element);
                }

                writer.WriteEndArray();
            }

            parameters.Add(new KeyValuePair<string, string>(array.Key, Encoding.UTF8.GetString(buffer.WrittenSpan)));
        }

        parameters.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        return parameters;
    }

    internal static void AppendParameters(StringBuilder text, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var sorted = new List<KeyValuePair<string, string>>(parameters);
        sorted.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        for (int i = 0; i < sorted.Count; i++)
        {
            text.Append(i == 0 ? '?' : '&').Append(sorted[i].Key).Append('=').Append(sorted[i].Value);
        }
    }
}
