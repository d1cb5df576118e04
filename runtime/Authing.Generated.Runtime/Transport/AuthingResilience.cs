using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Timeout;

namespace Authing.Generated.Runtime;

/// <summary>
/// The retry and per-attempt timeout strategies, shared by the dependency-injection and the console paths so both
/// behave the same. The overall <see cref="AuthingClientOptions.Timeout"/> is applied by the transport, because it
/// also covers reading the body.
/// </summary>
internal static class AuthingResilience
{
    public const string PipelineName = "authing";

    public static void Configure(
        ResiliencePipelineBuilder<HttpResponseMessage> builder, AuthingClientOptions options, ILogger logger)
    {
        if (options.MaxRetryAttempts > 0)
        {
            var retry = new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetryAttempts,
                Delay = options.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldRetryAfterHeader = true,
                ShouldHandle = static arguments => new ValueTask<bool>(IsTransient(arguments.Outcome)),
                OnRetry = arguments =>
                {
                    HttpRequestMessage? request = arguments.Context.GetRequestMessage();
                    TransportLog.Retrying(
                        logger,
                        request?.Method.Method ?? "?",
                        request?.RequestUri?.AbsolutePath ?? "?",
                        arguments.AttemptNumber + 1,
                        (long)arguments.RetryDelay.TotalMilliseconds,
                        Describe(arguments.Outcome));
                    return default;
                },
            };

            if (!options.RetryNonIdempotentRequests)
            {
                retry.DisableForUnsafeHttpMethods();
            }

            builder.AddRetry(retry);
        }

        builder.AddTimeout(options.AttemptTimeout);
    }

    /// <summary>
    /// Failures worth another attempt: the connection could not be made or was cut, the attempt timed out, or a
    /// gateway said to come back (429, 502, 503, 504). Authing's own errors arrive as envelopes and are final.
    /// </summary>
    internal static bool IsTransient(Outcome<HttpResponseMessage> outcome)
    {
        if (outcome.Exception is HttpRequestException requestException)
        {
            return requestException.HttpRequestError is HttpRequestError.ConnectionError
                or HttpRequestError.ResponseEnded or HttpRequestError.NameResolutionError or HttpRequestError.Unknown;
        }

        if (outcome.Exception is TimeoutRejectedException)
        {
            return true;
        }

        return outcome.Result?.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.BadGateway
            or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;
    }

    private static string Describe(Outcome<HttpResponseMessage> outcome) => outcome.Result is { } response
        ? "HTTP " + (int)response.StatusCode
        : outcome.Exception?.GetType().Name ?? "an unknown failure";
}
