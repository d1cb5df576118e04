using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Authing.Generated.Runtime;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;

namespace Authing.Generated.Sandbox;

/// <summary>
/// Answers every request: finds the operation by path, authenticates the request, checks its required
/// parameters and sends the page's example result. Holds no per-request state, so requests run concurrently.
/// </summary>
internal sealed class SandboxEndpoint
{
    private const string JsonContentType = "application/json; charset=utf-8";

    private readonly IReadOnlyDictionary<string, SandboxOperation> _operations;
    private readonly RequestAuthenticator _authenticator;
    private readonly bool _echoRequest;
    private readonly ILogger _logger;
    private int _requestCount;

    public SandboxEndpoint(
        IReadOnlyDictionary<string, SandboxOperation> operations,
        RequestAuthenticator authenticator,
        bool echoRequest,
        ILogger logger)
    {
        _operations = operations;
        _authenticator = authenticator;
        _echoRequest = echoRequest;
        _logger = logger;
    }

    public int RequestCount => Volatile.Read(ref _requestCount);

    public async Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requestCount);
        HttpRequest request = context.Request;
        string method = request.Method;
        string path = ReceivedPath(context);
        if (!_operations.TryGetValue(path, out SandboxOperation? operation))
        {
            await RespondAsync(
                context,
                404,
                Envelope.Error(404, AuthingSandboxApiCodes.UnknownPath, "No operation is served at path: " + path),
                "unknown path");
            return;
        }

        if (_authenticator.CheckCredentials(request.Headers, out string signature) is { } refused)
        {
            await RejectAsync(context, refused);
            return;
        }

        ReceivedParameters? parameters = HttpMethods.IsGet(method)
            ? ReadQuery(request)
            : await ReadBodyAsync(request, context.RequestAborted);
        if (parameters is null)
        {
            await RejectAsync(
                context,
                new Rejection(400, AuthingSandboxApiCodes.BodyNotJsonObject, "The request body must be a JSON object"));
            return;
        }

        string stringToSign = RequestAuthenticator.BuildStringToSign(method, path, request.Headers, parameters.Signed);
        if (!_authenticator.VerifySignature(stringToSign, signature))
        {
            await RejectAsync(
                context,
                new Rejection(401, AuthingSandboxApiCodes.SignatureMismatch, "The signature does not match the request"));
            return;
        }

        var missing = operation.RequiredParameters.Where(name => !parameters.Present.Contains(name)).ToList();
        if (missing.Count > 0)
        {
            string noun = missing.Count == 1 ? "parameter" : "parameters";
            string message = $"Missing required {noun}: {string.Join(", ", missing)}";
            await RejectAsync(context, new Rejection(400, AuthingSandboxApiCodes.MissingParameter, message));
            return;
        }

        string? echoedId = _echoRequest
            ? RequestAuthenticator.CanonicalParameters(stringToSign, method, path, request.Headers)
            : null;
        byte[] body = operation.ExampleResult switch
        {
            null => Envelope.MinimalSuccess(echoedId),
            { } example when echoedId is not null => Envelope.WithRequestId(example, echoedId),
            { } example => example,
        };
        await RespondAsync(context, 200, body, "served " + operation.PageFile);
    }

    /// <summary>
    /// The path as the client sent it, without query: the signature covers the path the client wrote, before any
    /// decoding by the server.
    /// </summary>
    private static string ReceivedPath(HttpContext context)
    {
        string? target = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (target is { Length: > 0 } && target[0] == '/')
        {
            int query = target.IndexOf('?', StringComparison.Ordinal);
            return query < 0 ? target : target[..query];
        }

        return context.Request.Path.ToUriComponent();
    }

    // Limitation: the query is rebuilt as the real API reads it, so array elements are strings; a GET whose
    // number[], boolean[] or object[] parameter the client signed as [1,2] or [{...}] is refused as a mismatch.
    private static ReceivedParameters ReadQuery(HttpRequest request)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        var present = new HashSet<string>(StringComparer.Ordinal);
        var query = new QueryStringEnumerable(request.QueryString.Value);
        foreach (QueryStringEnumerable.EncodedNameValuePair pair in query)
        {
            string name = pair.DecodeName().ToString();
            pairs.Add(new KeyValuePair<string, string>(name, pair.DecodeValue().ToString()));
            present.Add(name.EndsWith("[]", StringComparison.Ordinal) ? name[..^2] : name);
        }

        return new ReceivedParameters(AuthingSignature.GetSignedParametersFromQuery(pairs), present);
    }

    /// <summary>The top-level fields of a JSON object body; an empty body has none; anything else gives null.</summary>
    private static async Task<ReceivedParameters?> ReadBodyAsync(
        HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length == 0)
        {
            return new ReceivedParameters([], new HashSet<string>(StringComparer.Ordinal));
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var present = new HashSet<string>(StringComparer.Ordinal);
            foreach (JsonProperty property in root.EnumerateObject())
            {
                if (property.Value.ValueKind != JsonValueKind.Null)
                {
                    present.Add(property.Name);
                }
            }

            return new ReceivedParameters(AuthingSignature.GetSignedParameters(root), present);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private Task RejectAsync(HttpContext context, Rejection rejection) =>
        RespondAsync(
            context,
            200,
            Envelope.Error(rejection.StatusCode, rejection.ApiCode, rejection.Message),
            $"refused {rejection.StatusCode}/{rejection.ApiCode}: {rejection.Message}");

    private async Task RespondAsync(HttpContext context, int httpStatus, byte[] body, string outcome)
    {
        HttpRequest request = context.Request;
        SandboxLog.Request(_logger, request.Method, request.Path.Value ?? string.Empty, httpStatus, outcome);
        HttpResponse response = context.Response;
        response.StatusCode = httpStatus;
        response.ContentType = JsonContentType;
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, context.RequestAborted);
    }

    /// <summary>The signed parameters of a request and the names it sent with a value.</summary>
    private sealed record ReceivedParameters(
        IReadOnlyList<KeyValuePair<string, string>> Signed, IReadOnlySet<string> Present);
}
