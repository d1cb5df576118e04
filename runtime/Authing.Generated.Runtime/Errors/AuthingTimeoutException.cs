using System;

namespace Authing.Generated;

/// <summary>A call took longer than the configured time; distinct from the caller cancelling it.</summary>
public sealed class AuthingTimeoutException : TimeoutException
{
    /// <summary>Creates the exception for an operation and the limit it exceeded.</summary>
    public AuthingTimeoutException(string operation, TimeSpan timeout, string limitName, Exception? innerException)
        : base($"{operation} did not complete within {timeout} ({limitName}).", innerException)
    {
        Operation = operation;
        Timeout = timeout;
        LimitName = limitName;
    }

    /// <summary>The operation that timed out, such as <c>GET /api/v3/get-user</c>.</summary>
    public string Operation { get; }

    /// <summary>The limit that was exceeded.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>
    /// Which limit: <c>AuthingClientOptions.Timeout</c> for the whole call, or <c>AuthingClientOptions.AttemptTimeout</c>
    /// when the last attempt ran out of time.
    /// </summary>
    public string LimitName { get; }
}
