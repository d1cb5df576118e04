using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Authing.Generated.Runtime;

namespace Authing.Generated.Sandbox.Tests;

/// <summary>
/// Builds requests signed as a client signs them, with the runtime's public signing API only: the sandbox's own
/// verification code takes no part here.
/// </summary>
internal sealed class RequestSigner
{
    public const string AccessKeyId = "sandbox-test-key";
    public const string AccessKeySecret = "sandbox-test-secret-\u79d8\u5bc6";

    public string KeyId { get; init; } = AccessKeyId;

    public string Secret { get; init; } = AccessKeySecret;

    /// <summary>Moves the <c>date</c> header away from now; null leaves the header out.</summary>
    public TimeSpan? DateOffset { get; init; } = TimeSpan.Zero;

    public bool SendAuthorization { get; init; } = true;

    /// <summary>A JSON body request: its top-level fields are signed.</summary>
    public HttpRequestMessage Body(HttpMethod method, string path, string json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        var parameters = document.RootElement.EnumerateObject()
            .Select(field => KeyValuePair.Create(field.Name, AuthingSignature.GetSigningText(field.Value)))
            .ToList();
        var request = new HttpRequestMessage(method, path)
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        Sign(request, path, parameters);
        return request;
    }

    /// <summary>A body that is sent as it is and signed as if it had no parameters.</summary>
    public HttpRequestMessage RawBody(string path, string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        Sign(request, path, []);
        return request;
    }

    /// <summary>
    /// A GET whose parameters, given as a JSON object, go in the query as a client sends them: arrays as repeated
    /// <c>name[]=value</c>, everything else as its signing text. Each parameter is signed as its JSON value.
    /// </summary>
    public HttpRequestMessage Get(string path, string parametersJson = "{}")
    {
        var query = new StringBuilder();
        var parameters = new List<KeyValuePair<string, string>>();
        using (JsonDocument document = JsonDocument.Parse(parametersJson))
        {
            foreach (JsonProperty field in document.RootElement.EnumerateObject())
            {
                parameters.Add(KeyValuePair.Create(field.Name, AuthingSignature.GetSigningText(field.Value)));
                if (field.Value.ValueKind == JsonValueKind.Array)
                {
                    foreach (JsonElement element in field.Value.EnumerateArray())
                    {
                        AppendQuery(query, field.Name + "[]", AuthingSignature.GetSigningText(element));
                    }
                }
                else
                {
                    AppendQuery(query, field.Name, AuthingSignature.GetSigningText(field.Value));
                }
            }
        }

        var request = new HttpRequestMessage(HttpMethod.Get, query.Length == 0 ? path : path + "?" + query);
        Sign(request, path, parameters);
        return request;
    }

    private static void AppendQuery(StringBuilder query, string name, string value)
    {
        if (query.Length > 0)
        {
            query.Append('&');
        }

        query.Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
    }

    private void Sign(HttpRequestMessage request, string path, IReadOnlyList<KeyValuePair<string, string>> parameters)
    {
        var headers = new Dictionary<string, string>
        {
            [AuthingHeaders.Nonce] = RandomNumberGenerator.GetHexString(32, lowercase: true),
            [AuthingHeaders.SignatureMethod] = AuthingHeaders.SignatureMethodValue,
            [AuthingHeaders.SignatureVersion] = AuthingHeaders.SignatureVersionValue,
            [AuthingHeaders.SdkVersion] = "authing-csharp-generated:sandbox-tests",
            [AuthingHeaders.Lang] = "en-US",
        };
        if (DateOffset is { } offset)
        {
            DateTimeOffset date = DateTimeOffset.UtcNow.Add(offset);
            headers[AuthingHeaders.Date] = date.ToString("r", CultureInfo.InvariantCulture);
        }

        foreach (KeyValuePair<string, string> header in headers)
        {
            request.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        string stringToSign = AuthingSignature.BuildStringToSign(request.Method.Method, path, headers, parameters);
        if (SendAuthorization)
        {
            string signature = AuthingSignature.ComputeSignature(Secret, stringToSign);
            request.Headers.TryAddWithoutValidation(
                AuthingHeaders.Authorization, AuthingSignature.FormatAuthorization(KeyId, signature));
        }
    }
}
