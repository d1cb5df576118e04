using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Tasks;
using Authing.Generated.Runtime.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Authing.Generated.Runtime.Tests;

/// <summary>Certificates are validated unless the options say otherwise, and then a warning is logged once.</summary>
public sealed class CertificateTests
{
    [Fact]
    public async Task Self_signed_certificate_is_refused_by_default_and_not_retried()
    {
        using X509Certificate2 certificate = CreateSelfSignedCertificate();
        await using LoopbackServer server = await LoopbackServer.StartAsync(
            (context, _) => Envelopes.WriteAsync(context, Envelopes.Success("tls")), listen => listen.UseHttps(certificate));
        using var logs = new CapturingLoggerProvider();
        using AuthingTransport transport = AuthingTransport.Create(HttpsOptions(server, accept: false), logs);

        HttpRequestException error = await Assert.ThrowsAsync<HttpRequestException>(
            () => transport.SendAsync(TestOperations.EchoGet, new EchoRequest("v"), null, default));

        Assert.Equal(HttpRequestError.SecureConnectionError, error.HttpRequestError);
        Assert.Equal(0, server.RequestCount);
        Assert.DoesNotContain(logs.Entries, entry => entry.EventId.Name == "AuthingRetry");
        Assert.DoesNotContain(logs.Entries, entry => entry.EventId.Name == "AuthingCertificateValidationDisabled");
    }

    [Fact]
    public async Task Accepting_any_certificate_works_and_warns_once_on_both_paths()
    {
        using X509Certificate2 certificate = CreateSelfSignedCertificate();
        await using LoopbackServer server = await LoopbackServer.StartAsync(
            (context, _) => Envelopes.WriteAsync(context, Envelopes.Success("tls")), listen => listen.UseHttps(certificate));
        AuthingClientOptions options = HttpsOptions(server, accept: true);

        using var consoleLogs = new CapturingLoggerProvider();
        using (AuthingTransport transport = AuthingTransport.Create(options, consoleLogs))
        {
            await transport.SendAsync(TestOperations.EchoGet, new EchoRequest("v"), null, default);
            EchoResponse response = await transport.SendAsync(TestOperations.EchoPost, new EchoRequest("v"), null, default);
            Assert.Equal("tls", response.Data!.Value);
        }

        using var diLogs = new CapturingLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(diLogs));
        services.AddAuthingClient(transport => new TlsClient(transport), o =>
        {
            o.AccessKeyId = options.AccessKeyId;
            o.AccessKeySecret = options.AccessKeySecret;
            o.Host = options.Host;
            o.DangerousAcceptAnyServerCertificate = true;
        });
        await using (ServiceProvider provider = services.BuildServiceProvider())
        {
            for (int i = 0; i < 3; i++)
            {
                await provider.GetRequiredService<TlsClient>().Transport
                    .SendAsync(TestOperations.EchoGet, new EchoRequest("v"), null, default);
            }
        }

        Assert.Equal(5, server.RequestCount);
        Assert.Single(consoleLogs.Entries, IsCertificateWarning);
        Assert.Single(diLogs.Entries, IsCertificateWarning);
        Assert.Contains("127.0.0.1", consoleLogs.Entries.Single(IsCertificateWarning).Message);
    }

    private static bool IsCertificateWarning(CapturingLoggerProvider.LogEntry entry) =>
        entry.EventId.Name == "AuthingCertificateValidationDisabled" && entry.Level == LogLevel.Warning;

    private static AuthingClientOptions HttpsOptions(LoopbackServer server, bool accept) => new()
    {
        AccessKeyId = SignatureVerifier.AccessKeyId,
        AccessKeySecret = SignatureVerifier.AccessKeySecret,
        Host = "https://127.0.0.1:" + server.BaseAddress.Port,
        RetryDelay = TimeSpan.FromMilliseconds(10),
        DangerousAcceptAnyServerCertificate = accept,
    };

    private static X509Certificate2 CreateSelfSignedCertificate()
    {
        using RSA key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using X509Certificate2 created = request.CreateSelfSigned(
            DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), password: null);
    }

    private sealed class TlsClient(AuthingTransport transport)
    {
        public AuthingTransport Transport { get; } = transport;
    }
}
