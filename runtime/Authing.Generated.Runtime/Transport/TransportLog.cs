using System;
using Microsoft.Extensions.Logging;

namespace Authing.Generated.Runtime;

/// <summary>
/// The log messages of the transport. None carries a secret, a signature, a header value or a body.
/// </summary>
internal static partial class TransportLog
{
    [LoggerMessage(
        EventId = 1,
        EventName = "AuthingRequestCompleted",
        Level = LogLevel.Debug,
        Message = "Authing {Method} {Path} answered HTTP {HttpStatus}, statusCode {StatusCode}, in {ElapsedMs} ms " +
            "(requestId {RequestId})")]
    public static partial void RequestCompleted(
        ILogger logger, string method, string path, int httpStatus, int? statusCode, long elapsedMs, string? requestId);

    [LoggerMessage(
        EventId = 2,
        EventName = "AuthingRequestFailed",
        Level = LogLevel.Debug,
        Message = "Authing {Method} {Path} failed with {Failure} after {ElapsedMs} ms (HTTP {HttpStatus})")]
    public static partial void RequestFailed(
        ILogger logger, string method, string path, string failure, long elapsedMs, int? httpStatus);

    [LoggerMessage(
        EventId = 3,
        EventName = "AuthingRetry",
        Level = LogLevel.Warning,
        Message = "Authing {Method} {Path} is retried (retry {Retry}) in {DelayMs} ms after {Reason}")]
    public static partial void Retrying(
        ILogger logger, string method, string path, int retry, long delayMs, string reason);

    [LoggerMessage(
        EventId = 4,
        EventName = "AuthingCertificateValidationDisabled",
        Level = LogLevel.Warning,
        Message = "Server certificate validation is OFF for Authing host {Host} " +
            "(DangerousAcceptAnyServerCertificate); anyone on the network path can impersonate the server")]
    public static partial void CertificateValidationDisabled(ILogger logger, string host);

    [LoggerMessage(
        EventId = 5,
        EventName = "AuthingRetryAfterTooLong",
        Level = LogLevel.Warning,
        Message = "Authing {Method} {Path} is not retried: the server asks for a wait of {WaitMs} ms (Retry-After), " +
            "more than the {RemainingMs} ms the call has left")]
    public static partial void RetryAfterTooLong(
        ILogger logger, string method, string path, long waitMs, long remainingMs);

    public static long ElapsedMilliseconds(long startTimestamp) =>
        (long)System.Diagnostics.Stopwatch.GetElapsedTime(startTimestamp).TotalMilliseconds;

    public static string Describe(Exception exception) => exception.GetType().Name;
}
