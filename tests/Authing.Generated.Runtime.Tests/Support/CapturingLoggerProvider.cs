using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Logging;

namespace Authing.Generated.Runtime.Tests.Support;

/// <summary>Keeps every log entry, at every level, with its formatted message, state values and exception.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider, ILoggerFactory
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries => _entries.ToArray();

    /// <summary>All captured text: messages, state values and exceptions, one entry per line.</summary>
    public string AllText => string.Join("\n", Entries.Select(entry => entry.FullText));

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, _entries);

    public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException();

    public void Dispose()
    {
    }

    internal sealed record LogEntry(
        string Category, LogLevel Level, EventId EventId, string Message, string State, string? Exception)
    {
        public string FullText => $"{Category} {Level} {EventId.Name}: {Message} | {State} | {Exception}";
    }

    private sealed class CapturingLogger(string category, ConcurrentQueue<LogEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(
            LogLevel logLevel,
            EventId eventId,
            TState state,
            Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            string stateText = state is IEnumerable<KeyValuePair<string, object?>> values
                ? string.Join(", ", values.Select(pair => $"{pair.Key}={pair.Value}"))
                : state?.ToString() ?? string.Empty;
            entries.Enqueue(new LogEntry(
                category, logLevel, eventId, formatter(state, exception), stateText, exception?.ToString()));
        }
    }
}
