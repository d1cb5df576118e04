using System;
using System.Diagnostics;
using System.Net.Http;

namespace Authing.Generated.Runtime;

/// <summary>
/// When a whole call runs out of time (<see cref="AuthingClientOptions.Timeout"/>), carried on its request so that
/// the retry strategy can tell whether a wait the server asks for still fits.
/// </summary>
internal sealed class CallDeadline
{
    public static readonly HttpRequestOptionsKey<CallDeadline> Key = new("Authing.CallDeadline");

    private readonly long _startTimestamp;
    private readonly TimeSpan _timeout;

    /// <summary>A deadline <paramref name="timeout"/> after the <see cref="Stopwatch"/> timestamp given.</summary>
    public CallDeadline(long startTimestamp, TimeSpan timeout)
    {
        _startTimestamp = startTimestamp;
        _timeout = timeout;
    }

    /// <summary>The time the call has left; zero or less once it is over.</summary>
    public TimeSpan Remaining => _timeout - Stopwatch.GetElapsedTime(_startTimestamp);
}
