using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Authing.Generated.Runtime;

/// <summary>
/// Signs every attempt of a request with a fresh nonce and date. It sits inside the resilience handler, so a retry
/// is signed again rather than replaying the first attempt's headers.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class AuthingSigningHandler : DelegatingHandler
{
    /// <summary>The value of <c>x-authing-sdk-version</c>.</summary>
    public static readonly string SdkVersion =
        "authing-csharp-generated:" + (typeof(AuthingSigningHandler).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");

    private static readonly string[] s_headersSetHere =
    [
        AuthingHeaders.Nonce, AuthingHeaders.SignatureMethod, AuthingHeaders.SignatureVersion, AuthingHeaders.SdkVersion,
        AuthingHeaders.Lang, AuthingHeaders.AppId, AuthingHeaders.Date, AuthingHeaders.Authorization,
    ];

    private readonly string _accessKeyId;

    // The secret's UTF-8 bytes, encoded once rather than for every request; held only as long as the secret itself.
    private readonly byte[] _key;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates a handler that signs with the key pair of <paramref name="options"/>.</summary>
    /// <param name="options">Supplies the access key id and secret; validated here.</param>
    /// <param name="timeProvider">The clock for the <c>date</c> header; the system clock when null.</param>
    public AuthingSigningHandler(AuthingClientOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _accessKeyId = options.AccessKeyId!;
        _key = Encoding.UTF8.GetBytes(options.AccessKeySecret!);
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Sign(request);
        return base.SendAsync(request, cancellationToken);
    }

    /// <inheritdoc />
    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Sign(request);
        return base.Send(request, cancellationToken);
    }

    private void Sign(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        AuthingSigningMaterial? material = (request as AuthingRequestMessage)?.SigningMaterial;
        if (material is null && !request.Options.TryGetValue(AuthingSigningMaterial.Key, out material))
        {
            throw new InvalidOperationException(
                "The request carries no Authing signing material; send it through AuthingTransport.");
        }

        HttpRequestHeaders headers = request.Headers;
        if (headers.NonValidated.Contains(AuthingHeaders.Authorization))
        {
            // A retry: the previous attempt's signature and everything it covered are replaced.
            foreach (string name in s_headersSetHere)
            {
                headers.Remove(name);
            }
        }

        headers.TryAddWithoutValidation(AuthingHeaders.Nonce, RandomNumberGenerator.GetHexString(32, lowercase: true));
        headers.TryAddWithoutValidation(AuthingHeaders.SignatureMethod, AuthingHeaders.SignatureMethodValue);
        headers.TryAddWithoutValidation(AuthingHeaders.SignatureVersion, AuthingHeaders.SignatureVersionValue);
        headers.TryAddWithoutValidation(AuthingHeaders.SdkVersion, SdkVersion);
        headers.TryAddWithoutValidation(AuthingHeaders.Lang, material.Lang);
        if (material.TenantId is not null)
        {
            headers.TryAddWithoutValidation(AuthingHeaders.AppId, material.TenantId);
        }

        string date = _timeProvider.GetUtcNow().ToString("r", CultureInfo.InvariantCulture);
        headers.TryAddWithoutValidation(AuthingHeaders.Date, date);

        string stringToSign = AuthingSignature.BuildStringToSign(
            request.Method.Method, material.Path, SignedHeaders(headers), material.SignedParameters);
        string signature = AuthingSignature.ComputeSignature(_key, stringToSign);
        headers.TryAddWithoutValidation(
            AuthingHeaders.Authorization, AuthingSignature.FormatAuthorization(_accessKeyId, signature));
    }

    /// <summary>Every header on the request, so that any other <c>x-authing-</c> header is signed too.</summary>
    private static IEnumerable<KeyValuePair<string, string>> SignedHeaders(HttpRequestHeaders headers)
    {
        foreach (KeyValuePair<string, HeaderStringValues> header in headers.NonValidated)
        {
            yield return new KeyValuePair<string, string>(header.Key, header.Value.ToString());
        }
    }
}
