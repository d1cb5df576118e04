using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;

namespace Authing.Generated.Runtime;

/// <summary>
/// Builds the handlers under a client: resilience (retry, per-attempt timeout) outside, signing inside it so that
/// every attempt is signed afresh, and the socket handler last.
/// </summary>
internal static class AuthingHandlerChain
{
    /// <summary>The chain for a client built without dependency injection.</summary>
    public static HttpMessageHandler Create(AuthingClientOptions options, ILogger logger, TimeProvider? timeProvider)
    {
        var pipeline = new ResiliencePipelineBuilder<HttpResponseMessage>();
        AuthingResilience.Configure(pipeline, options, logger);

        var signing = new AuthingSigningHandler(options, timeProvider)
        {
            InnerHandler = CreatePrimaryHandler(options, logger, new WarningOnce()),
        };

        // A request that will not be retried goes past the resilience handler, as in a chain the factory builds.
        return new SingleAttemptBypass(options)
        {
            InnerHandler = new ResilienceHandler(pipeline.Build()) { InnerHandler = signing },
        };
    }

    /// <summary>
    /// The socket handler: no redirects (a signed request is for one path on one host), no cookies, and certificate
    /// validation unless explicitly turned off.
    /// </summary>
    public static SocketsHttpHandler CreatePrimaryHandler(AuthingClientOptions options, ILogger logger, WarningOnce warning)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.All,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };

        if (options.DangerousAcceptAnyServerCertificate)
        {
            if (warning.TryTake())
            {
                TransportLog.CertificateValidationDisabled(logger, new Uri(options.Host).Host);
            }

            handler.SslOptions.RemoteCertificateValidationCallback = static (_, _, _, _) => true;
        }

        return handler;
    }

    /// <summary>
    /// Sends a request that will not be retried past the resilience handler right inside this one, straight to
    /// signing: the transport times its one attempt, and it is spared the pipeline's per-request work. Used in the
    /// chain of a client built with <c>new</c> and in the one the client factory builds; a chain arranged otherwise
    /// (a handler added in between) is left to work as it is.
    /// </summary>
    internal sealed class SingleAttemptBypass : DelegatingHandler
    {
        private readonly AuthingClientOptions _options;
        private HttpMessageInvoker? _pastResilience;

        public SingleAttemptBypass(AuthingClientOptions options) => _options = options;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            PastResilience(request) is { } past
                ? past.SendAsync(request, cancellationToken)
                : base.SendAsync(request, cancellationToken);

        protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken) =>
            PastResilience(request) is { } past
                ? past.Send(request, cancellationToken)
                : base.Send(request, cancellationToken);

        private HttpMessageInvoker? PastResilience(HttpRequestMessage request)
        {
            if (AuthingResilience.MayRetry(request.Method, _options))
            {
                return null;
            }

            // The handler after the resilience handler is owned by the chain, which disposes it; this invoker only
            // calls it.
            return _pastResilience ??= InnerHandler is ResilienceHandler { InnerHandler: { } inner }
                ? new HttpMessageInvoker(inner, disposeHandler: false)
                : null;
        }
    }

    /// <summary>Lets a warning be logged once per client registration, however often handlers are rebuilt.</summary>
    internal sealed class WarningOnce
    {
        private int _taken;

        public bool TryTake() => Interlocked.Exchange(ref _taken, 1) == 0;
    }
}
