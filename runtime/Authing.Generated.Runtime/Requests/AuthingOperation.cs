using System;
using System.ComponentModel;
using System.Net.Http;

namespace Authing.Generated.Runtime;

/// <summary>Writes the set fields of <paramref name="request"/> into <paramref name="builder"/>, in table order.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate void AuthingParameterWriter<T>(T request, AuthingRequestBuilder builder);

/// <summary>
/// One API operation: its HTTP method and path, how to write its request and how to read its response.
/// Generated clients keep one static instance per operation.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class AuthingOperation<TRequest, TResponse>
{
    /// <summary>Describes an operation.</summary>
    /// <param name="method">The HTTP method, such as <c>POST</c>.</param>
    /// <param name="path">The path, such as <c>/api/v3/association-ext-idp</c>.</param>
    /// <param name="writeParameters">Writes a request's fields as query parameters or body properties.</param>
    /// <param name="readResponse">Reads the whole response envelope.</param>
    public AuthingOperation(
        string method,
        string path,
        AuthingParameterWriter<TRequest> writeParameters,
        AuthingJsonReader<TResponse> readResponse)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(writeParameters);
        ArgumentNullException.ThrowIfNull(readResponse);
        if (path[0] != '/' || path.AsSpan().IndexOfAny('?', '#') >= 0)
        {
            throw new ArgumentException(
                $"The path '{path}' must start with '/' and have no query or fragment.", nameof(path));
        }

        Method = method.ToUpperInvariant();
        HttpMethod = HttpMethod.Parse(Method);
        Path = path;
        WriteParameters = writeParameters;
        ReadResponse = readResponse;
        DisplayName = Method + " " + Path;
    }

    /// <summary>The HTTP method in upper case, such as <c>POST</c>.</summary>
    public string Method { get; }

    /// <summary>The path, such as <c>/api/v3/association-ext-idp</c>.</summary>
    public string Path { get; }

    /// <summary>Writes a request's fields.</summary>
    public AuthingParameterWriter<TRequest> WriteParameters { get; }

    /// <summary>Reads the response envelope.</summary>
    public AuthingJsonReader<TResponse> ReadResponse { get; }

    internal HttpMethod HttpMethod { get; }

    internal string DisplayName { get; }

    /// <summary>The method and path, such as <c>POST /api/v3/association-ext-idp</c>.</summary>
    public override string ToString() => DisplayName;
}
