using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly.Timeout;

namespace Authing.Generated.Runtime;

/// <summary>
/// Sends operations: writes the request, lets the handler chain sign and retry it, and turns the response envelope
/// into a typed result or an exception. One instance serves any number of concurrent calls.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class AuthingTransport : IDisposable
{
    private const int ContentStartLength = 1024;
    private const string TimeoutSetting = "AuthingClientOptions.Timeout";
    private const string AttemptTimeoutSetting = "AuthingClientOptions.AttemptTimeout";
    private const string HttpClientTimeoutSetting = "HttpClient.Timeout";

    private readonly HttpClient _httpClient;
    private readonly AuthingClientOptions _options;
    private readonly ILogger _logger;
    private readonly string _host;
    private readonly bool _ownsHttpClient;

    // Cancelled by Dispose when this transport owns its client, so calls in flight end at once rather than at their
    // timeout. Never disposed itself: a cancelled source holds no timer, and calls may still be linking to it.
    private readonly CancellationTokenSource? _lifetime;

    // The address of each operation without a query string, parsed once: a Uri is immutable, so calls share it. The
    // keys are the paths of the generated operations, a fixed set.
    private readonly ConcurrentDictionary<string, Uri> _uris = new(StringComparer.Ordinal);

    /// <summary>
    /// Creates a transport over an <see cref="HttpClient"/> whose handlers already sign and retry, as the one
    /// <c>AddAuthingClient</c> registers.
    /// </summary>
    public AuthingTransport(HttpClient httpClient, AuthingClientOptions options, ILogger? logger = null)
        : this(httpClient, options, logger, ownsHttpClient: false)
    {
    }

    private AuthingTransport(HttpClient httpClient, AuthingClientOptions options, ILogger? logger, bool ownsHttpClient)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _httpClient = httpClient;
        _options = options.Clone();
        _logger = logger ?? NullLogger.Instance;
        _host = _options.Host.TrimEnd('/');
        _ownsHttpClient = ownsHttpClient;
        _lifetime = ownsHttpClient ? new CancellationTokenSource() : null;
    }

    /// <summary>
    /// Creates a transport with its own handler chain (socket handler, resilience, signing), for use without
    /// dependency injection. Dispose it when done.
    /// </summary>
    public static AuthingTransport Create(AuthingClientOptions options, ILoggerFactory? loggerFactory = null) =>
        Create(options, loggerFactory, timeProvider: null);

    /// <summary>
    /// As <see cref="Create(AuthingClientOptions, ILoggerFactory?)"/>, with the clock for the date header.
    /// </summary>
    public static AuthingTransport Create(
        AuthingClientOptions options, ILoggerFactory? loggerFactory, TimeProvider? timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        AuthingClientOptions snapshot = options.Clone();
        ILogger logger = loggerFactory?.CreateLogger(LoggerCategory) ?? NullLogger.Instance;
        HttpMessageHandler handler = AuthingHandlerChain.Create(snapshot, logger, timeProvider);
        var httpClient = new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        return new AuthingTransport(httpClient, snapshot, logger, ownsHttpClient: true);
    }

    /// <summary>The logger category the transport logs under.</summary>
    public static string LoggerCategory => "Authing.Generated.AuthingTransport";

    /// <summary>
    /// Sends one call of <paramref name="operation"/> and returns its typed response.
    /// </summary>
    /// <exception cref="AuthingApiException">The envelope's statusCode is a whole number other than 200.</exception>
    /// <exception cref="AuthingHttpException">
    /// The HTTP status is not a success, the body is no envelope (not a JSON object, or no whole-number statusCode),
    /// or the body broke off before its end (the exception keeps the status, headers and what arrived;
    /// <see cref="Exception.InnerException"/> says why).
    /// </exception>
    /// <exception cref="AuthingSerializationException">The envelope could not be read as the response type.</exception>
    /// <exception cref="AuthingTimeoutException">The call or its last attempt ran out of time.</exception>
    /// <exception cref="OperationCanceledException">
    /// The caller cancelled; the exception carries <paramref name="cancellationToken"/>.
    /// </exception>
    /// <exception cref="HttpRequestException">The server could not be reached, after any retries.</exception>
    /// <exception cref="ObjectDisposedException">
    /// The transport (the client built with <c>new</c>) was disposed before or during the call.
    /// </exception>
    public async Task<TResponse> SendAsync<TRequest, TResponse>(
        AuthingOperation<TRequest, TResponse> operation,
        TRequest request,
        AuthingCallOptions? callOptions,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        cancellationToken.ThrowIfCancellationRequested();
        ObjectDisposedException.ThrowIf(_lifetime is { IsCancellationRequested: true }, this);

        using HttpRequestMessage message = CreateRequest(operation, request, callOptions);
        long started = Stopwatch.GetTimestamp();
        bool mayRetry = AuthingResilience.MayRetry(operation.HttpMethod, _options);
        if (mayRetry)
        {
            // Only a retry asks how much time is left (for a Retry-After); a single attempt never does.
            message.Options.Set(CallDeadline.Key, new CallDeadline(started, _options.Timeout));
        }

        // One source limits the call. A request that will not be retried has one attempt, limited here rather than
        // by the resilience pipeline, which the handler chain skips for it (see AuthingHandlerChain): when that
        // limit is the shorter one, the source first runs to it, and once the headers are in, to the call's.
        TimeSpan callLimit = _options.Timeout;
        bool attemptFirst = !mayRetry && _options.AttemptTimeout < callLimit;
        using CancellationTokenSource deadline = _lifetime is null
            ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken)
            : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _lifetime.Token);
        deadline.CancelAfter(attemptFirst ? _options.AttemptTimeout : callLimit);
        bool attemptRunning = attemptFirst;
        HttpStatusCode? httpStatus = null;
        try
        {
            using HttpResponseMessage response = await _httpClient
                .SendAsync(message, HttpCompletionOption.ResponseHeadersRead, deadline.Token)
                .ConfigureAwait(false);
            httpStatus = response.StatusCode;
            if (attemptFirst)
            {
                TimeSpan left = callLimit - Stopwatch.GetElapsedTime(started);
                deadline.CancelAfter(left > TimeSpan.Zero ? left : TimeSpan.Zero);

                // Had the attempt's limit struck between the headers and this line, the call ends as that timeout.
                attemptRunning = deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested
                    && left > TimeSpan.Zero;
                deadline.Token.ThrowIfCancellationRequested();
            }

            // Limitation: the body is read here, after the retry pipeline has handed over the response, so a GET
            // whose body breaks off is reported, not retried.
            using ResponseBody body = await ResponseBody
                .ReadAsync(response.Content, _options.MaxResponseBytes, deadline.Token)
                .ConfigureAwait(false);
            return Interpret(operation, response, body, started);
        }
        catch (Exception e) when (e is OperationCanceledException or HttpRequestException &&
            !cancellationToken.IsCancellationRequested && _lifetime is { IsCancellationRequested: true })
        {
            LogFailure(operation, e, started, httpStatus);
            throw new ObjectDisposedException(
                "The Authing client was disposed while " + operation.DisplayName + " was in flight.", e);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested &&
            deadline.IsCancellationRequested && attemptRunning)
        {
            throw TimedOut(operation, _options.AttemptTimeout, AttemptTimeoutSetting, e, started, httpStatus);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested &&
            deadline.IsCancellationRequested)
        {
            throw TimedOut(operation, _options.Timeout, TimeoutSetting, e, started, httpStatus);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested &&
            e.InnerException is TimeoutException)
        {
            // A caller-supplied HttpClient may still have a Timeout of its own.
            throw TimedOut(operation, _httpClient.Timeout, HttpClientTimeoutSetting, e, started, httpStatus);
        }
        catch (OperationCanceledException e) when (cancellationToken.IsCancellationRequested &&
            e.CancellationToken != cancellationToken)
        {
            LogFailure(operation, e, started, httpStatus);
            throw new TaskCanceledException(e.Message, e, cancellationToken);
        }
        catch (TimeoutRejectedException e)
        {
            throw TimedOut(operation, e.Timeout, AttemptTimeoutSetting, e, started, httpStatus);
        }
        catch (HttpRequestException e)
        {
            LogFailure(operation, e, started, httpStatus);
            throw;
        }
    }

    /// <summary>Disposes the handler chain when this transport built it.</summary>
    public void Dispose()
    {
        if (_ownsHttpClient)
        {
            // Calls in flight see the cancellation first, so they end as ObjectDisposedException, not as a failure
            // of the connection the disposal closes.
            _lifetime!.Cancel();
            _httpClient.Dispose();
        }
    }

    private HttpRequestMessage CreateRequest<TRequest, TResponse>(
        AuthingOperation<TRequest, TResponse> operation, TRequest request, AuthingCallOptions? callOptions)
    {
        string lang = callOptions?.Lang ?? _options.Lang;
        if (!AuthingClientOptions.IsSupportedLang(lang))
        {
            throw new ArgumentException(
                $"Lang must be {AuthingClientOptions.ChineseLang} or {AuthingClientOptions.EnglishLang}.",
                nameof(callOptions));
        }

        string? tenantId = callOptions?.TenantId ?? _options.TenantId;
        if (tenantId is not null && !AuthingClientOptions.IsHeaderText(tenantId))
        {
            throw new ArgumentException(
                "TenantId must be non-empty printable ASCII: it is sent in the x-authing-app-id header.",
                nameof(callOptions));
        }

        var builder = new AuthingRequestBuilder(operation.Method);
        operation.WriteParameters(request, builder);

        string query = builder.QueryString;
        Uri uri = query.Length == 0
            ? _uris.GetOrAdd(operation.Path, static (path, host) => new Uri(host + path), _host)
            : new Uri(_host + operation.Path + "?" + query);
        var material = new AuthingSigningMaterial(operation.Path, builder.GetSignedParameters(), lang, tenantId);
        var message = new AuthingRequestMessage(operation.HttpMethod, uri, material);
        if (!builder.UsesQueryString)
        {
            var content = new ReadOnlyMemoryContent(builder.GetBody());
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            message.Content = content;
        }

        return message;
    }

    private TResponse Interpret<TRequest, TResponse>(
        AuthingOperation<TRequest, TResponse> operation, HttpResponseMessage response, ResponseBody body, long started)
    {
        ReadOnlySpan<byte> json = body.Span;
        if (json.StartsWith("\uFEFF"u8))
        {
            json = json[3..];
        }

        if (body.ReadFailure is { } readFailure)
        {
            long? declared = response.Content.Headers.ContentLength;
            string arrived = declared is null ? $"{body.Length}" : $"{body.Length} of {declared}";
            throw HttpFailure(operation, response, json, started,
                $"but its body broke off after {arrived} bytes", readFailure);
        }

        if (body.ExceededLimit)
        {
            throw HttpFailure(operation, response, json, started,
                $"with a body larger than {_options.MaxResponseBytes} bytes (AuthingClientOptions.MaxResponseBytes)");
        }

        if (!response.IsSuccessStatusCode)
        {
            throw HttpFailure(operation, response, json, started, "instead of a success status");
        }

        if (!EnvelopeScanner.StartsLikeObject(json))
        {
            throw HttpFailure(operation, response, json, started, "without an Authing JSON envelope");
        }

        EnvelopeStatus envelope = EnvelopeScanner.Scan(json, wantRequestId: _logger.IsEnabled(LogLevel.Debug));
        if (envelope.Form == StatusCodeForm.Missing)
        {
            throw HttpFailure(operation, response, json, started, "without an Authing JSON envelope (no statusCode)");
        }

        if (envelope.Form == StatusCodeForm.NotWholeNumber)
        {
            throw HttpFailure(operation, response, json, started,
                "with an envelope whose statusCode is not a whole number");
        }

        if (envelope.StatusCode is int statusCode && statusCode != EnvelopeScanner.SuccessStatusCode)
        {
            TransportLog.RequestCompleted(
                _logger, operation.Method, operation.Path, (int)response.StatusCode, statusCode,
                TransportLog.ElapsedMilliseconds(started), envelope.RequestId);
            throw new AuthingApiException(
                operation.DisplayName, statusCode, envelope.ApiCode, envelope.Message, envelope.RequestId,
                response.StatusCode);
        }

        TResponse result;
        try
        {
            result = ReadResponse(operation, json);
        }
        catch (AuthingSerializationException e)
        {
            TransportLog.RequestFailed(
                _logger, operation.Method, operation.Path, TransportLog.Describe(e),
                TransportLog.ElapsedMilliseconds(started), (int)response.StatusCode);
            throw e.WithResponse(operation.DisplayName, typeof(TResponse).Name, response.StatusCode);
        }

        TransportLog.RequestCompleted(
            _logger, operation.Method, operation.Path, (int)response.StatusCode, envelope.StatusCode,
            TransportLog.ElapsedMilliseconds(started), envelope.RequestId);
        return result;
    }

    private static TResponse ReadResponse<TRequest, TResponse>(
        AuthingOperation<TRequest, TResponse> operation, ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        AuthingJson.Next(ref reader);
        TResponse result = operation.ReadResponse(ref reader);

        bool more;
        try
        {
            more = reader.Read();
        }
        catch (JsonException e)
        {
            throw new AuthingSerializationException("unexpected data after the envelope (" + e.Message + ")", e);
        }

        if (more)
        {
            throw new AuthingSerializationException("unexpected data after the envelope");
        }

        return result;
    }

    private AuthingHttpException HttpFailure<TRequest, TResponse>(
        AuthingOperation<TRequest, TResponse> operation,
        HttpResponseMessage response,
        ReadOnlySpan<byte> body,
        long started,
        string problem,
        Exception? cause = null)
    {
        TransportLog.RequestFailed(
            _logger, operation.Method, operation.Path, nameof(AuthingHttpException),
            TransportLog.ElapsedMilliseconds(started), (int)response.StatusCode);
        return new AuthingHttpException(
            operation.DisplayName, response.StatusCode, response.ReasonPhrase, CopyHeaders(response),
            ContentStart(body), problem, cause);
    }

    /// <summary>The timeout a call ends with once <paramref name="limit"/> (set by <paramref name="setting"/>) ran out, logged.</summary>
    private AuthingTimeoutException TimedOut<TRequest, TResponse>(
        AuthingOperation<TRequest, TResponse> operation,
        TimeSpan limit,
        string setting,
        Exception cause,
        long started,
        HttpStatusCode? status)
    {
        var timeout = new AuthingTimeoutException(operation.DisplayName, limit, setting, cause);
        LogFailure(operation, timeout, started, status);
        return timeout;
    }

    private void LogFailure<TRequest, TResponse>(
        AuthingOperation<TRequest, TResponse> operation, Exception exception, long started, HttpStatusCode? status)
    {
        TransportLog.RequestFailed(
            _logger, operation.Method, operation.Path, TransportLog.Describe(exception),
            TransportLog.ElapsedMilliseconds(started), (int?)status);
    }

    /// <summary>The first kilobyte of the body as text, cut at a character boundary.</summary>
    private static string ContentStart(ReadOnlySpan<byte> body)
    {
        if (body.Length <= ContentStartLength)
        {
            return Encoding.UTF8.GetString(body);
        }

        int end = ContentStartLength;
        while (end > 0 && (body[end] & 0xC0) == 0x80)
        {
            end--;
        }

        return Encoding.UTF8.GetString(body[..end]);
    }

    private static Dictionary<string, IReadOnlyList<string>> CopyHeaders(HttpResponseMessage response)
    {
        var headers = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (KeyValuePair<string, HeaderStringValues> header in response.Headers.NonValidated)
        {
            headers[header.Key] = [.. header.Value];
        }

        foreach (KeyValuePair<string, HeaderStringValues> header in response.Content.Headers.NonValidated)
        {
            headers[header.Key] = [.. header.Value];
        }

        return headers;
    }
}
