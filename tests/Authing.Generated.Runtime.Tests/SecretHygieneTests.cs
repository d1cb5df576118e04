using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Authing.Generated.Runtime.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Authing.Generated.Runtime.Tests;

/// <summary>The secret and the signatures must never reach logs, exception texts or ToString.</summary>
[Collection(TimingCollection.Name)]
public sealed class SecretHygieneTests
{
    [Fact]
    public async Task A_run_with_failures_leaks_neither_secret_nor_signatures()
    {
        var authorizations = new ConcurrentQueue<string>();
        int retryHits = 0;
        await using LoopbackServer server = await LoopbackServer.StartAsync(async (context, _) =>
        {
            authorizations.Enqueue(context.Request.Headers.Authorization.ToString());
            string path = context.Request.Path.Value!;
            if (path.EndsWith("retry", StringComparison.Ordinal) && Interlocked.Increment(ref retryHits) % 2 == 1)
            {
                await Envelopes.WriteAsync(context, "busy", 503, "text/plain");
            }
            else if (path.EndsWith("api-error", StringComparison.Ordinal))
            {
                await Envelopes.WriteAsync(
                    context, """{"statusCode":401,"apiCode":1001,"message":"签名错误","requestId":"r1"}""");
            }
            else if (path.EndsWith("html", StringComparison.Ordinal))
            {
                await Envelopes.WriteAsync(context, "<html>gateway</html>", 502, "text/html");
            }
            else if (path.EndsWith("broken", StringComparison.Ordinal))
            {
                await Envelopes.WriteAsync(context, """{"statusCode":200,"data":{"value":""");
            }
            else if (path.EndsWith("hang", StringComparison.Ordinal))
            {
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
            }
            else
            {
                await Envelopes.WriteAsync(context, Envelopes.Success("ok"));
            }
        });

        using var logs = new CapturingLoggerProvider();
        var exceptions = new List<Exception>();
        AuthingClientOptions options = TestOptions.For(server, o => o.Timeout = TimeSpan.FromMilliseconds(600));
        using (AuthingTransport console = AuthingTransport.Create(options, logs))
        {
            await RunScenarios(console, exceptions);
        }

        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        services.AddAuthingClient(transport => new EchoClient(transport), o =>
        {
            o.AccessKeyId = options.AccessKeyId;
            o.AccessKeySecret = options.AccessKeySecret;
            o.Host = options.Host;
            o.RetryDelay = TimeSpan.FromMilliseconds(10);
            o.Timeout = TimeSpan.FromMilliseconds(600);
        });
        await using (ServiceProvider provider = services.BuildServiceProvider())
        {
            await RunScenarios(provider.GetRequiredService<EchoClient>().Transport, exceptions);
        }

        string[] signatures = authorizations.Select(value => value.Split(':').Last()).ToArray();
        Assert.Equal(14, signatures.Length);
        Assert.All(signatures, signature => Assert.Matches("^[A-Za-z0-9+/]{27}=$", signature));
        Assert.Equal(6 * 2, exceptions.Count);
        Assert.Contains(logs.Entries, entry => entry.EventId.Name == "AuthingRetry");
        Assert.Contains(logs.Entries, entry => entry.EventId.Name == "AuthingRequestCompleted");
        Assert.Contains(
            logs.Entries, entry => entry.Category.StartsWith("System.Net.Http.HttpClient", StringComparison.Ordinal));

        string everything = string.Join(
            "\n",
            new[] { logs.AllText, options.ToString() }.Concat(exceptions.Select(e => e.ToString() + e.Message)));
        Assert.DoesNotContain(SignatureVerifier.AccessKeySecret, everything);
        Assert.All(signatures, signature => Assert.DoesNotContain(signature, everything));
    }

    [Fact]
    public void Options_text_shows_whether_the_secret_is_set_but_never_the_secret()
    {
        var options = new AuthingClientOptions { AccessKeyId = "AK_1", AccessKeySecret = "very-secret-value" };

        Assert.Contains("AccessKeySecret = (set)", options.ToString());
        Assert.Contains("AccessKeyId = AK_1", options.ToString());
        Assert.DoesNotContain("very-secret-value", options.ToString());
        Assert.Contains("AccessKeySecret = (not set)", new AuthingClientOptions().ToString());
    }

    private static async Task RunScenarios(AuthingTransport transport, List<Exception> exceptions)
    {
        string[] failing = ["api-error", "html", "broken", "hang"];
        await transport.SendAsync(Operation("GET", "ok"), new EchoRequest("v"), null, default);
        await transport.SendAsync(Operation("GET", "retry"), new EchoRequest("v"), null, default);
        foreach (string name in failing)
        {
            exceptions.Add(await Assert.ThrowsAnyAsync<Exception>(
                () => transport.SendAsync(Operation("POST", name), new EchoRequest("v"), null, default)));
        }

        exceptions.Add(await Assert.ThrowsAnyAsync<Exception>(() => transport.SendAsync(
            Operation("GET", "ok"), new EchoRequest("v"), new AuthingCallOptions { Lang = "xx" }, default)));
        exceptions.Add(await Assert.ThrowsAnyAsync<Exception>(() => transport.SendAsync(
            Operation("GET", "ok"), new EchoRequest("v"), null, new CancellationToken(canceled: true))));
    }

    private static AuthingOperation<EchoRequest, EchoResponse> Operation(string method, string name) =>
        new(method, "/api/v3/" + name, EchoRequest.Write, EchoResponse.ReadJson);

    private sealed class EchoClient(AuthingTransport transport)
    {
        public AuthingTransport Transport { get; } = transport;
    }
}
