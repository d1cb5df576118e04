using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Authing.Generated.Runtime.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Authing.Generated.Runtime.Tests;

/// <summary>The DI path builds the same chain: resilience outside, signing inside, options from configuration.</summary>
public sealed class DependencyInjectionTests
{
    [Fact]
    public async Task Client_from_configuration_signs_every_attempt_and_retries_through_the_factory_client()
    {
        var received = new ConcurrentQueue<ReceivedRequest>();
        await using LoopbackServer server = await LoopbackServer.StartAsync(async (context, n) =>
        {
            received.Enqueue(await SignatureVerifier.ReceiveAsync(context));
            await (n == 1
                ? Envelopes.WriteAsync(context, "busy", 503, "text/plain")
                : Envelopes.WriteAsync(context, Envelopes.Success("di")));
        });
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Authing:AccessKeyId"] = SignatureVerifier.AccessKeyId,
            ["Authing:AccessKeySecret"] = SignatureVerifier.AccessKeySecret,
            ["Authing:Host"] = server.Host,
            ["Authing:TenantId"] = "tenant-di",
            ["Authing:RetryDelay"] = "00:00:00.010",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new FixedClock(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero)));
        IHttpClientBuilder builder = services.AddAuthingClient(configuration, transport => new SampleClient(transport));
        await using ServiceProvider provider = services.BuildServiceProvider();

        EchoResponse response = await provider.GetRequiredService<SampleClient>().Transport
            .SendAsync(TestOperations.EchoGet, new EchoRequest("di"), null, default);

        Assert.Equal(AuthingServiceCollectionExtensions.GetClientName<SampleClient>(), builder.Name);
        Assert.Equal("di", response.Data!.Value);
        ReceivedRequest[] attempts = received.ToArray();
        Assert.Equal(2, attempts.Length);
        Assert.All(attempts, attempt => Assert.True(attempt.SignatureValid, attempt.StringToSign));
        Assert.All(attempts, attempt => Assert.Equal("tenant-di", attempt.Header("x-authing-app-id")));
        Assert.All(attempts, attempt => Assert.Equal("Fri, 02 Jan 2026 03:04:05 GMT", attempt.Header("date")));
        Assert.NotEqual(attempts[0].Header("x-authing-signature-nonce"), attempts[1].Header("x-authing-signature-nonce"));
    }

    [Fact]
    public async Task Client_from_a_configure_callback_does_not_retry_posts()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(
            (context, _) => Envelopes.WriteAsync(context, "busy", 503, "text/plain"));
        var services = new ServiceCollection();
        services.AddAuthingClient(transport => new SampleClient(transport), options =>
        {
            options.AccessKeyId = SignatureVerifier.AccessKeyId;
            options.AccessKeySecret = SignatureVerifier.AccessKeySecret;
            options.Host = server.Host;
        });
        await using ServiceProvider provider = services.BuildServiceProvider();

        await Assert.ThrowsAsync<AuthingHttpException>(() => provider.GetRequiredService<SampleClient>().Transport
            .SendAsync(TestOperations.EchoPost, new EchoRequest("v"), null, default));
        Assert.Equal(1, server.RequestCount);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Client_from_the_factory_times_a_single_attempt_itself_and_leaves_retried_ones_to_the_pipeline(bool get)
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(
            (context, _) => Task.Delay(System.Threading.Timeout.Infinite, context.RequestAborted));
        var services = new ServiceCollection();
        var throughPipeline = new ConcurrentQueue<bool>();
        services.AddAuthingClient(transport => new SampleClient(transport), options =>
        {
            options.AccessKeyId = SignatureVerifier.AccessKeyId;
            options.AccessKeySecret = SignatureVerifier.AccessKeySecret;
            options.Host = server.Host;
            // Long enough for a retry's first use in a fresh process to reach the server within it.
            options.AttemptTimeout = TimeSpan.FromMilliseconds(1000);
            options.MaxRetryAttempts = 1;
            options.RetryDelay = TimeSpan.FromMilliseconds(10);
        }).AddHttpMessageHandler(() => new PipelineWitness(throughPipeline));
        await using ServiceProvider provider = services.BuildServiceProvider();
        AuthingTransport transport = provider.GetRequiredService<SampleClient>().Transport;

        AuthingTimeoutException timeout = await Assert.ThrowsAsync<AuthingTimeoutException>(() => get
            ? transport.SendAsync(TestOperations.EchoGet, new EchoRequest("v"), null, default)
            : transport.SendAsync(TestOperations.EchoPost, new EchoRequest("v"), null, default));

        Assert.Equal("AuthingClientOptions.AttemptTimeout", timeout.LimitName);
        Assert.Equal(get ? 2 : 1, server.RequestCount);

        // A retried GET is timed by the pipeline's attempt limit; a POST goes past the pipeline and the transport times it.
        Assert.Equal(get, timeout.InnerException is Polly.Timeout.TimeoutRejectedException);
        Assert.NotEmpty(throughPipeline);
        Assert.All(throughPipeline, through => Assert.Equal(get, through));
    }

    /// <summary>Notes, for each attempt, whether it came through the resilience pipeline (which marks the request).</summary>
    private sealed class PipelineWitness(ConcurrentQueue<bool> seen) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, System.Threading.CancellationToken cancellationToken)
        {
            seen.Enqueue(request.Options.Any(option => option.Key.Contains("Resilience", StringComparison.Ordinal)));
            return base.SendAsync(request, cancellationToken);
        }
    }

    [Fact]
    public async Task Client_from_the_factory_does_not_wait_out_a_retry_after_longer_than_the_call_timeout()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, _) =>
        {
            context.Response.Headers.RetryAfter = "3600";
            return Envelopes.WriteAsync(context, "slow down", 429, "text/plain");
        });
        var services = new ServiceCollection();
        services.AddAuthingClient(transport => new SampleClient(transport), options =>
        {
            options.AccessKeyId = SignatureVerifier.AccessKeyId;
            options.AccessKeySecret = SignatureVerifier.AccessKeySecret;
            options.Host = server.Host;
        });
        await using ServiceProvider provider = services.BuildServiceProvider();
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();

        AuthingHttpException error = await Assert.ThrowsAsync<AuthingHttpException>(() => provider
            .GetRequiredService<SampleClient>().Transport
            .SendAsync(TestOperations.EchoGet, new EchoRequest("v"), null, default));

        Assert.InRange(stopwatch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(5));
        Assert.Equal(System.Net.HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.Equal("3600", Assert.Single(error.Headers["Retry-After"]));
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public void Two_client_types_get_separate_options_and_http_clients()
    {
        var services = new ServiceCollection();
        services.AddAuthingClient(transport => new SampleClient(transport), options =>
        {
            options.AccessKeyId = "AK_1";
            options.AccessKeySecret = "SK_1";
        });
        services.AddAuthingClient(transport => new OtherClient(transport), options =>
        {
            options.AccessKeyId = "AK_2";
            options.AccessKeySecret = "SK_2";
            options.Lang = "en-US";
        });
        using ServiceProvider provider = services.BuildServiceProvider();
        var monitor = provider.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<AuthingClientOptions>>();

        Assert.Equal("AK_1", monitor.Get(AuthingServiceCollectionExtensions.GetClientName<SampleClient>()).AccessKeyId);
        Assert.Equal("en-US", monitor.Get(AuthingServiceCollectionExtensions.GetClientName<OtherClient>()).Lang);
        Assert.NotSame(provider.GetRequiredService<SampleClient>(), provider.GetRequiredService<SampleClient>());
        Assert.NotNull(provider.GetRequiredService<OtherClient>().Transport);
    }

    private sealed class SampleClient(AuthingTransport transport)
    {
        public AuthingTransport Transport { get; } = transport;
    }

    private sealed class OtherClient(AuthingTransport transport)
    {
        public AuthingTransport Transport { get; } = transport;
    }
}
