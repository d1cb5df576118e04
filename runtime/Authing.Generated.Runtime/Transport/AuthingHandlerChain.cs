using System;
using System.Net;
using System.Net.Http;
using System.Threading;
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

        // A request that cannot be retried skips the pipeline: its one attempt is timed by the transport.
        ResiliencePipeline<HttpResponseMessage> retrying = pipeline.Build();
        return new ResilienceHandler(request => AuthingResilience.MayRetry(request.Method, options)
            ? retrying
            : ResiliencePipeline<HttpResponseMessage>.Empty)
        {
            InnerHandler = signing,
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

    /// <summary>Lets a warning be logged once per client registration, however often handlers are rebuilt.</summary>
    internal sealed class WarningOnce
    {
        private int _taken;

        public bool TryTake() => Interlocked.Exchange(ref _taken, 1) == 0;
    }
}
