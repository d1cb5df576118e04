using Microsoft.Extensions.Logging;

namespace Authing.Generated.Sandbox;

/// <summary>The sandbox's log messages. None of them carries the secret, a signature or a string to sign.</summary>
internal static partial class SandboxLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Skipped page {Page}: {Reason}")]
    public static partial void PageSkipped(ILogger logger, string page, string reason);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "Page {Page} describes no operation")]
    public static partial void PageWithoutOperation(ILogger logger, string page);

    [LoggerMessage(
        EventId = 3,
        Level = LogLevel.Warning,
        Message = "Page {Page} also describes {Path}, already served from {FirstPage}; it is skipped")]
    public static partial void DuplicatePath(ILogger logger, string page, string path, string firstPage);

    [LoggerMessage(
        EventId = 4,
        Level = LogLevel.Warning,
        Message = "The example result of {Page} is unusable ({Reason}); a minimal success envelope is sent instead")]
    public static partial void ExampleUnusable(ILogger logger, string page, string reason);

    [LoggerMessage(
        EventId = 5, Level = LogLevel.Debug, Message = "Sandbox listening on {Address} with {Count} operations")]
    public static partial void Started(ILogger logger, string address, int count);

    [LoggerMessage(EventId = 6, Level = LogLevel.Debug, Message = "{Method} {Path} -> {StatusCode} {Outcome}")]
    public static partial void Request(ILogger logger, string method, string path, int statusCode, string outcome);
}
