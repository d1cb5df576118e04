using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Authing.Generated.Runtime.Tests;

/// <summary>The signing handler finds what to sign on the transport's own request and on any request's options.</summary>
public sealed class SigningHandlerTests
{
    private static readonly AuthingSigningMaterial Material =
        new("/api/v3/do-something", [new KeyValuePair<string, string>("id", "42")], "en-US", null);

    [Fact]
    public async Task A_request_built_elsewhere_is_signed_from_its_options()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://127.0.0.1/api/v3/do-something");
        request.Options.Set(AuthingSigningMaterial.Key, Material);

        HttpRequestMessage sent = await SendAsync(request);

        Assert.StartsWith("authing key-id:", sent.Headers.GetValues("authorization").Single(), StringComparison.Ordinal);
        Assert.Equal("en-US", sent.Headers.GetValues("x-authing-lang").Single());
    }

    [Fact]
    public async Task The_transports_request_and_a_request_with_options_get_the_same_signature()
    {
        var clock = new FixedClock(new DateTimeOffset(2026, 12, 4, 12, 0, 0, TimeSpan.Zero));
        using var withOptions = new HttpRequestMessage(HttpMethod.Post, "https://127.0.0.1/api/v3/do-something");
        withOptions.Options.Set(AuthingSigningMaterial.Key, Material);
        using var own = new AuthingRequestMessage(HttpMethod.Post, new Uri("https://127.0.0.1/api/v3/do-something"), Material);

        HttpRequestMessage first = await SendAsync(withOptions, clock);
        HttpRequestMessage second = await SendAsync(own, clock);

        // The nonce differs per request, so the signature is compared through the string to sign.
        string StringToSign(HttpRequestMessage message) => AuthingSignature.BuildStringToSign(
            "POST",
            Material.Path,
            message.Headers.NonValidated.Select(h => new KeyValuePair<string, string>(h.Key, h.Value.ToString())),
            Material.SignedParameters);
        string expected = AuthingSignature.FormatAuthorization(
            "key-id", AuthingSignature.ComputeSignature("key-secret", StringToSign(second)));
        Assert.Equal(expected, second.Headers.GetValues("authorization").Single());
        Assert.Equal(
            StringToSign(first).Replace(first.Headers.GetValues("x-authing-signature-nonce").Single(), "N", StringComparison.Ordinal),
            StringToSign(second).Replace(second.Headers.GetValues("x-authing-signature-nonce").Single(), "N", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_request_without_material_is_refused_rather_than_sent_unsigned()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://127.0.0.1/api/v3/do-something");

        InvalidOperationException refused = await Assert.ThrowsAsync<InvalidOperationException>(() => SendAsync(request));
        Assert.Contains("signing material", refused.Message, StringComparison.Ordinal);
    }

    private static async Task<HttpRequestMessage> SendAsync(HttpRequestMessage request, TimeProvider? clock = null)
    {
        var capture = new Capture();
        var options = new AuthingClientOptions { AccessKeyId = "key-id", AccessKeySecret = "key-secret" };
        using var invoker = new HttpMessageInvoker(new AuthingSigningHandler(options, clock) { InnerHandler = capture });
        using HttpResponseMessage response = await invoker.SendAsync(request, CancellationToken.None);
        return capture.Request!;
    }

    private sealed class Capture : HttpMessageHandler
    {
        public HttpRequestMessage? Request { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Request = request;
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK));
        }
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
