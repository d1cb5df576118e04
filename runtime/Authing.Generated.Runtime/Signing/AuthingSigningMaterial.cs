using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Net.Http;

namespace Authing.Generated.Runtime;

/// <summary>
/// What the signing handler needs to sign one request, carried from the transport, through the resilience handler,
/// to every attempt: on the request message the transport builds, or on <see cref="HttpRequestMessage.Options"/>
/// under <see cref="Key"/> for a request built elsewhere.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class AuthingSigningMaterial
{
    /// <summary>The key under which the material travels on a request.</summary>
    public static readonly HttpRequestOptionsKey<AuthingSigningMaterial> Key = new("Authing.SigningMaterial");

    /// <summary>Creates the material for one request.</summary>
    /// <param name="path">The path that is signed, without query.</param>
    /// <param name="signedParameters">Each top-level parameter with its signing text.</param>
    /// <param name="lang">The value of <c>x-authing-lang</c>.</param>
    /// <param name="tenantId">The value of <c>x-authing-app-id</c>, or null to send none.</param>
    public AuthingSigningMaterial(
        string path, IReadOnlyList<KeyValuePair<string, string>> signedParameters, string lang, string? tenantId)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(signedParameters);
        ArgumentNullException.ThrowIfNull(lang);
        Path = path;
        SignedParameters = signedParameters;
        Lang = lang;
        TenantId = tenantId;
    }

    /// <summary>The path that is signed, without query.</summary>
    public string Path { get; }

    /// <summary>Each top-level parameter with its signing text.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> SignedParameters { get; }

    /// <summary>The value of <c>x-authing-lang</c>.</summary>
    public string Lang { get; }

    /// <summary>The value of <c>x-authing-app-id</c>, or null to send none.</summary>
    public string? TenantId { get; }
}
