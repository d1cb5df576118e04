using System;
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

    /// <summary>Methods whose repetition could change something twice; retried only when the user opts in.</summary>
    private static readonly HttpMethod[] UnsafeMethods =
    [
        HttpMethod.Post, HttpMethod.Patch, HttpMethod.Put, HttpMethod.Delete, HttpMethod.Connect,
    ];

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
                ShouldHandle = arguments => new ValueTask<bool>(
                    IsTransient(arguments.Outcome) && WaitFits(arguments.Outcome, arguments.Context, options, logger)),
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

            // Must come after ShouldHandle is set: it wraps the predicate that is there at the time.
            if (!options.RetryNonIdempotentRequests)
            {
                retry.DisableFor(UnsafeMethods);
            }

            builder.AddRetry(retry);
        }

        builder.AddTimeout(options.AttemptTimeout);
    }

    /// <summary>
    /// Whether a request with this method can get a second attempt: retries are configured, and the method is safe
    /// to repeat or the user opted in for the others. The same rule as the retry strategy's, so that the transport
    /// and the handler chain can leave the pipeline out for a request it would only pass through.
    /// </summary>
    public static bool MayRetry(HttpMethod method, AuthingClientOptions options) =>
        options.MaxRetryAttempts > 0
        && (options.RetryNonIdempotentRequests || Array.IndexOf(UnsafeMethods, method) < 0);

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

    /// <summary>
    /// False when the response's Retry-After asks for a wait longer than the call has left. Waiting would only end
    /// in a timeout that loses the answer, so the response goes back to the caller at once, Retry-After included.
    /// </summary>
    private static bool WaitFits(
        Outcome<HttpResponseMessage> outcome, ResilienceContext context, AuthingClientOptions options, ILogger logger)
    {
        if (outcome.Result is not { } response || RequestedWait(response) is not TimeSpan wait)
        {
            return true;
        }

        // A request that did not come through the transport carries no deadline; the call's whole limit bounds it.
        HttpRequestMessage? request = context.GetRequestMessage();
        TimeSpan remaining = options.Timeout;
        if (request is not null && request.Options.TryGetValue(CallDeadline.Key, out CallDeadline? call))
        {
            remaining = call.Remaining;
        }

        if (wait < remaining)
        {
            return true;
        }

        TransportLog.RetryAfterTooLong(
            logger,
            request?.Method.Method ?? "?",
            request?.RequestUri?.AbsolutePath ?? "?",
            (long)wait.TotalMilliseconds,
            (long)Math.Max(0, remaining.TotalMilliseconds));
        return false;
    }

    /// <summary>The wait a Retry-After header asks for, as seconds or as a date; null without one.</summary>
    private static TimeSpan? RequestedWait(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - TimeProvider.System.GetUtcNow(),
        _ => null,
    };

    private static string Describe(Outcome<HttpResponseMessage> outcome) => outcome.Result is { } response
        ? "HTTP " + (int)response.StatusCode
        : outcome.Exception?.GetType().Name ?? "an unknown failure";
}
