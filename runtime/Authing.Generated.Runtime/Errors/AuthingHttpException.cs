using System;
using System.Collections.Generic;
using System.Net;

namespace Authing.Generated;

/// <summary>
/// The server did not answer with an Authing envelope: a non-success HTTP status, a body that is not JSON (a
/// gateway's HTML page, an empty body), JSON without a whole-number <c>statusCode</c>, or a body that broke off
/// before its end (then <see cref="Exception.InnerException"/> says why). Everything the server said is kept.
/// </summary>
public sealed class AuthingHttpException : AuthingException
{
    /// <summary>Creates the exception from what the server answered.</summary>
    public AuthingHttpException(
        string operation,
        HttpStatusCode statusCode,
        string? reasonPhrase,
        IReadOnlyDictionary<string, IReadOnlyList<string>> headers,
        string contentStart,
        string problem)
        : this(operation, statusCode, reasonPhrase, headers, contentStart, problem, innerException: null)
    {
    }

    /// <summary>
    /// Creates the exception from what the server answered before <paramref name="innerException"/> stopped the
    /// reading of the body.
    /// </summary>
    public AuthingHttpException(
        string operation,
        HttpStatusCode statusCode,
        string? reasonPhrase,
        IReadOnlyDictionary<string, IReadOnlyList<string>> headers,
        string contentStart,
        string problem,
        Exception? innerException)
        : base(Describe(operation, statusCode, reasonPhrase, contentStart, problem), innerException)
    {
        Operation = operation;
        StatusCode = statusCode;
        ReasonPhrase = reasonPhrase;
        Headers = headers;
        ContentStart = contentStart;
    }

    /// <summary>The operation that failed, such as <c>GET /api/v3/get-user</c>.</summary>
    public string Operation { get; }

    /// <summary>The HTTP status of the response.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The HTTP reason phrase, when the server sent one.</summary>
    public string? ReasonPhrase { get; }

    /// <summary>The response and content headers, by case-insensitive name.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Headers { get; }

    /// <summary>
    /// The first kilobyte or so of the body, decoded as UTF-8; empty when the body was empty. For a body that broke
    /// off, the part that arrived.
    /// </summary>
    public string ContentStart { get; }

    private static string Describe(
        string operation, HttpStatusCode statusCode, string? reasonPhrase, string contentStart, string problem)
    {
        const int shown = 200;
        string status = string.IsNullOrEmpty(reasonPhrase)
            ? ((int)statusCode).ToString(System.Globalization.CultureInfo.InvariantCulture)
            : $"{(int)statusCode} {reasonPhrase}";
        string body = contentStart.Length == 0
            ? "an empty body"
            : "a body starting with \"" + Flatten(contentStart.AsSpan(0, Math.Min(shown, contentStart.Length))) + "\"";
        return $"{operation} returned HTTP {status} {problem}, with {body}.";
    }

    private static string Flatten(ReadOnlySpan<char> text)
    {
        Span<char> copy = text.Length <= 256 ? stackalloc char[text.Length] : new char[text.Length];
        for (int i = 0; i < text.Length; i++)
        {
            copy[i] = char.IsControl(text[i]) ? ' ' : text[i];
        }

        return new string(copy);
    }
}
