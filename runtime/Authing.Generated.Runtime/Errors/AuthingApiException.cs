using System;
using System.Net;
using System.Text;

namespace Authing.Generated;

/// <summary>
/// The API answered with an envelope whose <c>statusCode</c> is not 200. The HTTP status is often 200 regardless,
/// so <see cref="StatusCode"/> and <see cref="ApiCode"/> are the values to act on.
/// </summary>
public sealed class AuthingApiException : AuthingException
{
    /// <summary>Creates the exception from the fields of a failed envelope.</summary>
    public AuthingApiException(
        string operation,
        int statusCode,
        int? apiCode,
        string? apiMessage,
        string? requestId,
        HttpStatusCode httpStatus)
        : base(Describe(operation, statusCode, apiCode, apiMessage, requestId, httpStatus))
    {
        Operation = operation;
        StatusCode = statusCode;
        ApiCode = apiCode;
        ApiMessage = apiMessage;
        RequestId = requestId;
        HttpStatus = httpStatus;
    }

    /// <summary>The operation that failed, such as <c>POST /api/v3/create-user</c>.</summary>
    public string Operation { get; }

    /// <summary>The envelope's <c>statusCode</c>.</summary>
    public int StatusCode { get; }

    /// <summary>The envelope's <c>apiCode</c>, the finer error code, when present.</summary>
    public int? ApiCode { get; }

    /// <summary>The envelope's <c>message</c>, exactly as the server wrote it.</summary>
    public string? ApiMessage { get; }

    /// <summary>The envelope's <c>requestId</c>, to quote when asking Authing about the call.</summary>
    public string? RequestId { get; }

    /// <summary>The HTTP status of the response that carried the envelope.</summary>
    public HttpStatusCode HttpStatus { get; }

    private static string Describe(
        string operation, int statusCode, int? apiCode, string? apiMessage, string? requestId, HttpStatusCode httpStatus)
    {
        var text = new StringBuilder();
        text.Append(operation).Append(" failed with statusCode ").Append(statusCode);
        if (apiCode is not null)
        {
            text.Append(", apiCode ").Append(apiCode.Value);
        }

        if (!string.IsNullOrEmpty(apiMessage))
        {
            text.Append(": ").Append(apiMessage);
        }

        text.Append(" (HTTP ").Append((int)httpStatus);
        if (!string.IsNullOrEmpty(requestId))
        {
            text.Append(", requestId ").Append(requestId);
        }

        return text.Append(')').ToString();
    }
}
