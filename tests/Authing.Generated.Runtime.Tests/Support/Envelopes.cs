using System;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Authing.Generated.Runtime.Tests.Support;

/// <summary>Writes Authing-style envelopes and other answers from test servers.</summary>
internal static class Envelopes
{
    public static string Success(string? value, string requestId = "req-ok") =>
        JsonSerializer.Serialize(new
        {
            statusCode = 200,
            message = "ok",
            apiCode = (int?)null,
            requestId,
            data = new { value, tags = Array.Empty<object>() },
        });

    public static Task WriteAsync(
        HttpContext context, string body, int status = 200, string contentType = "application/json")
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        return context.Response.WriteAsync(body);
    }
}

/// <summary>A clock fixed at one instant, with real timers, for the date header.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

/// <summary>Options pointing at a loopback test server, with the test key pair and quick retries.</summary>
internal static class TestOptions
{
    public static AuthingClientOptions For(LoopbackServer server, Action<AuthingClientOptions>? change = null) =>
        For(server.Host, change);

    public static AuthingClientOptions For(string host, Action<AuthingClientOptions>? change = null)
    {
        var options = new AuthingClientOptions
        {
            AccessKeyId = SignatureVerifier.AccessKeyId,
            AccessKeySecret = SignatureVerifier.AccessKeySecret,
            Host = host,
            RetryDelay = TimeSpan.FromMilliseconds(20),
            MaxRetryAttempts = 3,
            Timeout = TimeSpan.FromSeconds(20),
            AttemptTimeout = TimeSpan.FromSeconds(10),
        };
        change?.Invoke(options);
        return options;
    }
}
