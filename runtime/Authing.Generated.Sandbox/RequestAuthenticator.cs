using System;
using System.Collections.Generic;
using System.Globalization;
using Authing.Generated.Runtime;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Authing.Generated.Sandbox;

/// <summary>Why a request was refused: the envelope's status code, api code and message.</summary>
internal readonly record struct Rejection(int StatusCode, int ApiCode, string Message);

/// <summary>
/// Checks a request's credentials as the real API does: the key id in the authorization header, the <c>date</c>
/// header against the clock, and the signature over the rebuilt string to sign.
/// </summary>
internal sealed class RequestAuthenticator
{
    private readonly string _accessKeyId;
    private readonly string _accessKeySecret;
    private readonly TimeSpan _maxClockSkew;
    private readonly TimeProvider _timeProvider;

    public RequestAuthenticator(
        string accessKeyId, string accessKeySecret, TimeSpan maxClockSkew, TimeProvider timeProvider)
    {
        _accessKeyId = accessKeyId;
        _accessKeySecret = accessKeySecret;
        _maxClockSkew = maxClockSkew;
        _timeProvider = timeProvider;
    }

    /// <summary>Checks the authorization header's form, its key id and the date; gives the received signature.</summary>
    public Rejection? CheckCredentials(IHeaderDictionary headers, out string signature)
    {
        signature = string.Empty;
        string authorization = headers.Authorization.ToString();
        string scheme = AuthingHeaders.AuthorizationScheme + " ";
        int colon = authorization.LastIndexOf(':');
        if (!authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) || colon < scheme.Length)
        {
            return new Rejection(
                401,
                AuthingSandboxApiCodes.MissingAuthorization,
                "Missing or malformed authorization header; expected 'authing <accessKeyId>:<signature>'");
        }

        string accessKeyId = authorization[scheme.Length..colon];
        if (!string.Equals(accessKeyId, _accessKeyId, StringComparison.Ordinal))
        {
            return new Rejection(401, AuthingSandboxApiCodes.UnknownAccessKey, "Unknown access key id");
        }

        signature = authorization[(colon + 1)..];
        return CheckDate(headers.Date);
    }

    /// <summary>Whether <paramref name="signature"/> signs the string rebuilt from what was received.</summary>
    public bool VerifySignature(string stringToSign, string signature) =>
        AuthingSignature.VerifyAuthorization(
            AuthingSignature.FormatAuthorization(_accessKeyId, signature),
            _accessKeyId,
            _accessKeySecret,
            stringToSign);

    /// <summary>The string to sign rebuilt from the received method, signed headers, path and parameters.</summary>
    public static string BuildStringToSign(
        string method,
        string path,
        IHeaderDictionary headers,
        IReadOnlyList<KeyValuePair<string, string>> parameters) =>
        AuthingSignature.BuildStringToSign(method, path, HeaderPairs(headers), parameters);

    /// <summary>The part of the string to sign after its <c>?</c>: the sorted <c>name=value</c> pairs.</summary>
    public static string CanonicalParameters(string stringToSign, string method, string path, IHeaderDictionary headers)
    {
        string withoutParameters = AuthingSignature.BuildStringToSign(method, path, HeaderPairs(headers), []);
        return stringToSign.Length > withoutParameters.Length
            ? stringToSign[(withoutParameters.Length + 1)..]
            : string.Empty;
    }

    private Rejection? CheckDate(StringValues dateHeader)
    {
        string text = dateHeader.ToString();
        if (text.Length == 0)
        {
            return new Rejection(400, AuthingSandboxApiCodes.InvalidDate, "Missing date header");
        }

        if (!DateTimeOffset.TryParseExact(
                text, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset date))
        {
            return new Rejection(400, AuthingSandboxApiCodes.InvalidDate, "The date header is not an RFC 1123 date");
        }

        TimeSpan skew = (_timeProvider.GetUtcNow() - date).Duration();
        if (skew > _maxClockSkew)
        {
            string off = Math.Round(skew.TotalMinutes, 1).ToString(CultureInfo.InvariantCulture);
            string allowed = _maxClockSkew.TotalMinutes.ToString(CultureInfo.InvariantCulture);
            return new Rejection(
                400,
                AuthingSandboxApiCodes.DateOutOfRange,
                $"The date header is {off} minutes from the server clock; at most {allowed} allowed");
        }

        return null;
    }

    private static IEnumerable<KeyValuePair<string, string>> HeaderPairs(IHeaderDictionary headers)
    {
        foreach (KeyValuePair<string, StringValues> header in headers)
        {
            yield return new KeyValuePair<string, string>(header.Key, header.Value.ToString());
        }
    }
}
