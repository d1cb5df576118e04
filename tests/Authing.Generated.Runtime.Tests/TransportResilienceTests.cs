using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Authing.Generated.Runtime.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace Authing.Generated.Runtime.Tests;

/// <summary>Retries, timeouts and cancellation against local fault servers.</summary>
[Collection(TimingCollection.Name)]
public sealed class TransportResilienceTests
{
    [Fact]
    public async Task Get_is_retried_after_503_and_succeeds()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, n) => n == 1
            ? Envelopes.WriteAsync(context, "busy", 503, "text/plain")
            : Envelopes.WriteAsync(context, Envelopes.Success("v")));
        using AuthingTransport transport = AuthingTransport.Create(TestOptions.For(server));

        EchoResponse response = await transport.SendAsync(TestOperations.EchoGet, new EchoRequest("v"), null, default);

        Assert.Equal("v", response.Data!.Value);
        Assert.Equal(2, server.RequestCount);
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task Non_idempotent_requests_are_not_retried(string method)
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(
            (context, _) => Envelopes.WriteAsync(context, "busy", 503, "text/plain"));
        using AuthingTransport transport = AuthingTransport.Create(TestOptions.For(server));
        var operation = new AuthingOperation<EchoRequest, EchoResponse>(
            method, "/api/v3/write", EchoRequest.Write, EchoResponse.ReadJson);

        AuthingHttpException error = await Assert.ThrowsAsync<AuthingHttpException>(
            () => transport.SendAsync(operation, new EchoRequest("v"), null, default));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task Post_is_retried_when_the_options_opt_in()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, n) => n == 1
            ? Envelopes.WriteAsync(context, "busy", 502, "text/plain")
            : Envelopes.WriteAsync(context, Envelopes.Success("v")));
        using AuthingTransport transport = AuthingTransport.Create(
            TestOptions.For(server, options => options.RetryNonIdempotentRequests = true));

        EchoResponse response = await transport.SendAsync(TestOperations.EchoPost, new EchoRequest("v"), null, default);

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task Get_gives_up_after_the_configured_attempts_and_500_is_not_retried()
    {
        await using LoopbackServer busy = await LoopbackServer.StartAsync(
            (context, _) => Envelopes.WriteAsync(context, "busy", 504, "text/plain"));
        using AuthingTransport transport = AuthingTransport.Create(
            TestOptions.For(busy, options => options.MaxRetryAttempts = 2));

        AuthingHttpException error = await Assert.ThrowsAsync<AuthingHttpException>(
            () => transport.SendAsync(TestOperations.EchoGet, new EchoRequest("v"), null, default));
        Assert.Equal(HttpStatusCode.GatewayTimeout, error.StatusCode);
        Assert.Equal(3, busy.RequestCount);

        await using LoopbackServer broken = await LoopbackServer.StartAsync(
            (context, _) => Envelopes.WriteAsync(context, "broken", 500, "text/plain"));
        using AuthingTransport brokenTransport = AuthingTransport.Create(TestOptions.For(broken));
        await Assert.ThrowsAsync<AuthingHttpException>(
            () => brokenTransport.SendAsync(TestOperations.EchoGet, new EchoRequest("v"), null, default));
        Assert.Equal(1, broken.RequestCount);
    }

    [Fact]
    public async Task Retry_after_header_of_a_429_is_honoured()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, n) =>
        {
            if (n == 1)
            {
                context.Response.Headers.RetryAfter = "1";
                return Envelopes.WriteAsync(context, "slow down", 429, "text/plain");
            }

            return Envelopes.WriteAsync(context, Envelopes.Success("v"));
        });
        using AuthingTransport transport = AuthingTransport.Create(TestOptions.For(server));
        var stopwatch = Stopwatch.StartNew();

        await transport.SendAsync(TestOperations.EchoGet, new EchoRequest("v"), null, default);

        Assert.Equal(2, server.RequestCount);
        Assert.InRange(stopwatch.Elapsed, TimeSpan.FromMilliseconds(900), TimeSpan.FromSeconds(5));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Retry_after_longer_than_the_call_timeout_surfaces_the_429_at_once(bool asDate)
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, _) =>
        {
            context.Response.Headers.RetryAfter = asDate
                ? DateTimeOffset.UtcNow.AddHours(1).ToString("R", CultureInfo.InvariantCulture)
                : "3600";
            return Envelopes.WriteAsync(context, "slow down", 429, "text/plain");
        });
        using var logs = new CapturingLoggerProvider();
        using AuthingTransport transport = AuthingTransport.Create(TestOptions.For(server), logs);
        var stopwatch = Stopwatch.StartNew();

        AuthingHttpException error = await Assert.ThrowsAsync<AuthingHttpException>(
            () => transport.SendAsync(TestOperations.EchoGet, new EchoRequest("v"), null, default));

        Assert.InRange(stopwatch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(2));
        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.Equal("slow down", error.ContentStart);
        Assert.Single(error.Headers["Retry-After"]);
        Assert.Equal(1, server.RequestCount);
        Assert.Single(logs.Entries, entry => entry.EventId.Name == "AuthingRetryAfterTooLong"
            && entry.Message.Contains("GET /api/v3/echo-get", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Retry_after_longer_than_the_time_left_in_the_call_surfaces_the_429()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, n) =>
        {
            context.Response.Headers.RetryAfter = n == 1 ? "1" : "2";
            return Envelopes.WriteAsync(context, "slow down", 429, "text/plain");
        });
        using AuthingTransport transport = AuthingTransport.Create(
            TestOptions.For(server, options => options.Timeout = TimeSpan.FromSeconds(2.5)));
        var stopwatch = Stopwatch.StartNew();

        AuthingHttpException error = await Assert.ThrowsAsync<AuthingHttpException>(
            () => transport.SendAsync(TestOperations.EchoGet, new EchoRequest("v"), null, default));

        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.Equal("2", Assert.Single(error.Headers["Retry-After"]));
        Assert.Equal(2, server.RequestCount);
        Assert.InRange(stopwatch.Elapsed, TimeSpan.FromMilliseconds(900), TimeSpan.FromSeconds(2.2));
    }

    [Fact]
    public async Task Hung_server_hits_the_call_timeout()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(
            (context, _) => Task.Delay(Timeout.Infinite, context.RequestAborted));
        using AuthingTransport transport = AuthingTransport.Create(
            TestOptions.For(server, options => options.Timeout = TimeSpan.FromMilliseconds(500)));
        var stopwatch = Stopwatch.StartNew();

        Exception error = await Record.ExceptionAsync(
            () => transport.SendAsync(TestOperations.EchoPost, new EchoRequest("v"), null, default));

        AuthingTimeoutException timeout = Assert.IsType<AuthingTimeoutException>(error);
        Assert.Equal(TimeSpan.FromMilliseconds(500), timeout.Timeout);
        Assert.Equal("AuthingClientOptions.Timeout", timeout.LimitName);
        Assert.Contains("POST /api/v3/echo-post", timeout.Message);
        Assert.InRange(stopwatch.Elapsed, TimeSpan.FromMilliseconds(450), TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task Hung_server_during_the_body_hits_the_call_timeout()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(async (context, _) =>
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("{\"statusCode\":200,");
            await context.Response.Body.FlushAsync();
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        });
        using AuthingTransport transport = AuthingTransport.Create(
            TestOptions.For(server, options => options.Timeout = TimeSpan.FromMilliseconds(500)));

        await Assert.ThrowsAsync<AuthingTimeoutException>(
            () => transport.SendAsync(TestOperations.EchoGet, new EchoRequest("v"), null, default));
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task Attempt_timeout_retries_a_get_and_then_surfaces_as_a_timeout()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(
            (context, _) => Task.Delay(Timeout.Infinite, context.RequestAborted));
        using AuthingTransport transport = AuthingTransport.Create(TestOptions.For(server, options =>
        {
            options.AttemptTimeout = TimeSpan.FromMilliseconds(200);
            options.MaxRetryAttempts = 1;
        }));

        AuthingTimeoutException timeout = await Assert.ThrowsAsync<AuthingTimeoutException>(
            () => transport.SendAsync(TestOperations.EchoGet, new EchoRequest("v"), null, default));

        Assert.Equal(TimeSpan.FromMilliseconds(200), timeout.Timeout);
        Assert.Equal("AuthingClientOptions.AttemptTimeout", timeout.LimitName);
        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task A_post_that_is_not_retried_is_limited_by_the_attempt_timeout_once()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(
            (context, _) => Task.Delay(Timeout.Infinite, context.RequestAborted));
        using var logs = new CapturingLoggerProvider();
        using AuthingTransport transport = AuthingTransport.Create(
            TestOptions.For(server, options =>
            {
                options.AttemptTimeout = TimeSpan.FromMilliseconds(200);
                options.Timeout = TimeSpan.FromSeconds(20);
            }),
            logs);
        var stopwatch = Stopwatch.StartNew();

        AuthingTimeoutException timeout = await Assert.ThrowsAsync<AuthingTimeoutException>(
            () => transport.SendAsync(TestOperations.EchoPost, new EchoRequest("v"), null, default));

        Assert.Contains(
            logs.Entries, entry => entry.Message.Contains(nameof(AuthingTimeoutException), StringComparison.Ordinal));
        Assert.Equal(TimeSpan.FromMilliseconds(200), timeout.Timeout);
        Assert.Equal("AuthingClientOptions.AttemptTimeout", timeout.LimitName);
        Assert.Equal(1, server.RequestCount);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5), $"the call took {stopwatch.Elapsed}");
    }

    [Fact]
    public async Task The_attempt_timeout_of_a_post_ends_with_the_headers_and_the_body_has_the_call_timeout()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(async (context, _) =>
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("{\"statusCode\":200,");
            await context.Response.Body.FlushAsync();
            await Task.Delay(600);
            await context.Response.WriteAsync("\"message\":\"ok\",\"data\":{\"value\":\"late\"}}");
        });
        using AuthingTransport transport = AuthingTransport.Create(TestOptions.For(server, options =>
        {
            options.AttemptTimeout = TimeSpan.FromMilliseconds(200);
            options.Timeout = TimeSpan.FromSeconds(20);
        }));

        EchoResponse response = await transport.SendAsync(TestOperations.EchoPost, new EchoRequest("v"), null, default);

        Assert.Equal("late", response.Data?.Value);
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task A_post_whose_body_stalls_after_its_headers_ends_at_the_call_timeout_not_the_attempts()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(async (context, _) =>
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("{\"statusCode\":200,");
            await context.Response.Body.FlushAsync();
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        });
        using AuthingTransport transport = AuthingTransport.Create(TestOptions.For(server, options =>
        {
            options.AttemptTimeout = TimeSpan.FromMilliseconds(200);
            options.Timeout = TimeSpan.FromMilliseconds(800);
        }));
        var stopwatch = Stopwatch.StartNew();

        AuthingTimeoutException timeout = await Assert.ThrowsAsync<AuthingTimeoutException>(
            () => transport.SendAsync(TestOperations.EchoPost, new EchoRequest("v"), null, default));

        Assert.Equal("AuthingClientOptions.Timeout", timeout.LimitName);
        Assert.Equal(TimeSpan.FromMilliseconds(800), timeout.Timeout);
        Assert.True(stopwatch.Elapsed >= TimeSpan.FromMilliseconds(700), $"the call ended after {stopwatch.Elapsed}");
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task Cancellation_during_backoff_returns_promptly_with_the_callers_token()
    {
        var firstAttemptAnswered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using LoopbackServer server = await LoopbackServer.StartAsync(async (context, _) =>
        {
            await Envelopes.WriteAsync(context, "busy", 503, "text/plain");
            firstAttemptAnswered.TrySetResult();
        });
        using AuthingTransport transport = AuthingTransport.Create(TestOptions.For(server, options =>
        {
            options.RetryDelay = TimeSpan.FromMinutes(1);
            options.Timeout = TimeSpan.FromMinutes(10);
        }));
        using var cancellation = new CancellationTokenSource();

        Task<EchoResponse> call = transport.SendAsync(
            TestOperations.EchoGet, new EchoRequest("v"), null, cancellation.Token);
        await firstAttemptAnswered.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await Task.Delay(200);
        var stopwatch = Stopwatch.StartNew();
        cancellation.Cancel();
        Exception? error = await Record.ExceptionAsync(() => call);
        stopwatch.Stop();

        OperationCanceledException canceled = Assert.IsAssignableFrom<OperationCanceledException>(error);
        Assert.Equal(cancellation.Token, canceled.CancellationToken);
        Assert.Equal(1, server.RequestCount);
        Assert.True(stopwatch.ElapsedMilliseconds < 100, $"cancellation took {stopwatch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task Every_attempt_is_signed_afresh()
    {
        var received = new ConcurrentQueue<ReceivedRequest>();
        await using LoopbackServer server = await LoopbackServer.StartAsync(async (context, n) =>
        {
            received.Enqueue(await SignatureVerifier.ReceiveAsync(context));
            await (n < 3
                ? Envelopes.WriteAsync(context, "busy", 503, "text/plain")
                : Envelopes.WriteAsync(context, Envelopes.Success("v")));
        });
        using AuthingTransport transport = AuthingTransport.Create(TestOptions.For(server));

        await transport.SendAsync(TestOperations.EchoGet, new EchoRequest("v", ["a", "b"]), null, default);

        ReceivedRequest[] attempts = received.ToArray();
        Assert.Equal(3, attempts.Length);
        Assert.All(attempts, attempt => Assert.True(attempt.SignatureValid, attempt.StringToSign));
        Assert.All(attempts, attempt => Assert.Matches("^[0-9a-f]{32}$", attempt.Header("x-authing-signature-nonce")));
        Assert.Equal(3, attempts.Select(attempt => attempt.Header("x-authing-signature-nonce")).Distinct().Count());
        Assert.Equal(3, attempts.Select(attempt => attempt.Header("authorization")).Distinct().Count());
        Assert.All(attempts, attempt => Assert.Equal("?value=v&tags%5B%5D=a&tags%5B%5D=b", attempt.RawQuery));
    }

    [Fact]
    public async Task Refused_connection_is_retried_for_a_get_then_surfaces()
    {
        string host;
        await using (LoopbackServer closed = await LoopbackServer.StartAsync((context, _) => Task.CompletedTask))
        {
            host = closed.Host;
        }

        using var logs = new CapturingLoggerProvider();
        using AuthingTransport transport = AuthingTransport.Create(
            new AuthingClientOptions
            {
                AccessKeyId = SignatureVerifier.AccessKeyId,
                AccessKeySecret = SignatureVerifier.AccessKeySecret,
                Host = host,
                RetryDelay = TimeSpan.FromMilliseconds(10),
                MaxRetryAttempts = 2,
            },
            logs);

        await Assert.ThrowsAsync<System.Net.Http.HttpRequestException>(
            () => transport.SendAsync(TestOperations.EchoGet, new EchoRequest("v"), null, default));

        Assert.Equal(2, logs.Entries.Count(entry => entry.EventId.Name == "AuthingRetry"
            && entry.Level == Microsoft.Extensions.Logging.LogLevel.Warning
            && entry.Message.Contains("GET /api/v3/echo-get", StringComparison.Ordinal)));
    }
}
