using System;
using System.Net.Http;

namespace Authing.Generated.Runtime;

/// <summary>
/// A request the transport built, carrying what the signing handler needs on the message itself, so that a call
/// that nothing else attaches options to allocates no options dictionary.
/// </summary>
internal sealed class AuthingRequestMessage : HttpRequestMessage
{
    public AuthingRequestMessage(HttpMethod method, Uri uri, AuthingSigningMaterial signingMaterial)
        : base(method, uri)
    {
        SigningMaterial = signingMaterial;
    }

    public AuthingSigningMaterial SigningMaterial { get; }
}
