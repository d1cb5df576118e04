using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Authing.Generated.Runtime;
using Microsoft.AspNetCore.Http;

namespace Authing.Generated.Runtime.Tests.Support;

/// <summary>What a test server saw of one request, and whether its signature holds.</summary>
internal sealed record ReceivedRequest(
    string Method,
    string Path,
    string RawQuery,
    string Body,
    IReadOnlyDictionary<string, string> Headers,
    string StringToSign,
    bool SignatureValid)
{
    public string? Header(string name) => Headers.TryGetValue(name, out string? value) ? value : null;
}

/// <summary>
/// Verifies a request the way a server would: it rebuilds the signed parameters from what arrived (the query for
/// GET, the JSON body otherwise) with the runtime's public signing API and recomputes the authorization.
/// </summary>
internal static class SignatureVerifier
{
    public const string AccessKeyId = "AK_TEST_ID";
    public const string AccessKeySecret = "SK_test_secret_7f3a9c1e5b";

    public static async Task<ReceivedRequest> ReceiveAsync(HttpContext context)
    {
        HttpRequest request = context.Request;
        string body = await new System.IO.StreamReader(request.Body).ReadToEndAsync();
        var headers = request.Headers.ToDictionary(
            header => header.Key.ToLowerInvariant(), header => header.Value.ToString());

        IReadOnlyList<KeyValuePair<string, string>> parameters;
        if (HttpMethods.IsGet(request.Method))
        {
            parameters = AuthingSignature.GetSignedParametersFromQuery(request.Query.SelectMany(
                pair => pair.Value.Select(value => new KeyValuePair<string, string>(pair.Key, value!))));
        }
        else
        {
            using JsonDocument document = JsonDocument.Parse(body.Length == 0 ? "{}" : body);
            parameters = AuthingSignature.GetSignedParameters(document.RootElement);
        }

        string stringToSign = AuthingSignature.BuildStringToSign(
            request.Method, request.Path.Value!, headers, parameters);
        bool valid = AuthingSignature.VerifyAuthorization(
            headers.GetValueOrDefault("authorization"), AccessKeyId, AccessKeySecret, stringToSign);
        return new ReceivedRequest(
            request.Method, request.Path.Value!, request.QueryString.Value ?? "", body, headers, stringToSign, valid);
    }
}
