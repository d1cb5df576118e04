using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Authing.Generated.Sandbox;

/// <summary>
/// A local Authing-compatible server on <c>127.0.0.1</c> that serves the operations of reference pages. It verifies
/// each request's signature and date as the real API does, checks the page's required parameters and answers with
/// the page's example result.
/// </summary>
/// <remarks>
/// Like the real API, refusals are envelopes sent with HTTP 200 whose <c>statusCode</c> is 401 (authorization,
/// key id or signature) or 400 (date, body or a missing parameter); <see cref="AuthingSandboxApiCodes"/> lists
/// their <c>apiCode</c>s. Refusals never carry <c>data</c>. An unknown path gets HTTP 404 with a 404 envelope.
/// </remarks>
public sealed class AuthingSandbox : IAsyncDisposable
{
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(5);

    private readonly WebApplication _app;
    private readonly SandboxEndpoint _endpoint;
    private int _disposed;

    private AuthingSandbox(
        WebApplication app, SandboxEndpoint endpoint, Uri baseAddress, IReadOnlyList<string> operations)
    {
        _app = app;
        _endpoint = endpoint;
        BaseAddress = baseAddress;
        Operations = operations;
    }

    /// <summary>Where the sandbox listens, such as <c>http://127.0.0.1:52011/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>
    /// The operations served, as <c>METHOD path</c> sorted by path, such as
    /// <c>POST /api/v3/association-ext-idp</c>.
    /// </summary>
    public IReadOnlyList<string> Operations { get; }

    /// <summary>How many requests the sandbox has received, refused ones included.</summary>
    public int RequestCount => _endpoint.RequestCount;

    /// <summary>Reads the pages and starts listening on a free loopback port.</summary>
    /// <param name="options">The key pair to accept and the pages to serve; read once, here.</param>
    /// <param name="cancellationToken">Stops reading pages and starting the server.</param>
    /// <exception cref="ArgumentException">The options lack a key id or secret, or are otherwise invalid.</exception>
    public static async Task<AuthingSandbox> StartAsync(
        AuthingSandboxOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        ILoggerFactory loggerFactory = options.LoggerFactory ?? NullLoggerFactory.Instance;
        ILogger logger = loggerFactory.CreateLogger<AuthingSandbox>();

        IReadOnlyDictionary<string, SandboxOperation> operations =
            OperationCatalog.Load(options.PagePaths.ToArray(), logger, cancellationToken);
        var authenticator = new RequestAuthenticator(
            options.AccessKeyId,
            options.AccessKeySecret,
            options.MaxClockSkew,
            options.TimeProvider ?? TimeProvider.System);
        var endpoint = new SandboxEndpoint(operations, authenticator, options.EchoRequest, logger);

        WebApplication app = BuildServer(loggerFactory);
        app.Run(endpoint.HandleAsync);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        Uri baseAddress = ListeningAddress(app);
        SandboxLog.Started(logger, baseAddress.ToString(), operations.Count);
        var listing = operations.Values
            .OrderBy(operation => operation.Path, StringComparer.Ordinal)
            .Select(operation => operation.Method + " " + operation.Path)
            .ToArray();
        return new AuthingSandbox(app, endpoint, baseAddress, listing);
    }

    /// <summary>Stops listening, letting requests in flight finish for a few seconds.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        using (var timeout = new CancellationTokenSource(ShutdownTimeout))
        {
            await _app.StopAsync(timeout.Token);
        }

        await _app.DisposeAsync();
    }

    private static WebApplication BuildServer(ILoggerFactory loggerFactory)
    {
        // The empty builder reads no configuration, environment or command line: nothing outside the options can
        // move the sandbox off loopback.
        WebApplicationBuilder builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, 0);
        });
        builder.Services.AddSingleton(loggerFactory);
        builder.Services.AddSingleton<IHostLifetime, EmbeddedLifetime>();
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = ShutdownTimeout);
        return builder.Build();
    }

    private static Uri ListeningAddress(WebApplication app)
    {
        IServerAddressesFeature? addresses =
            app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>();
        string? address = addresses?.Addresses.FirstOrDefault();
        if (address is null)
        {
            throw new InvalidOperationException("Kestrel started without reporting the address it listens on.");
        }

        return new Uri(address.EndsWith('/') ? address : address + "/");
    }

    /// <summary>
    /// A host lifetime that leaves the process alone: the sandbox lives inside someone else's tests or app, so it
    /// must not take over Ctrl+C or SIGTERM as the console lifetime would.
    /// </summary>
    private sealed class EmbeddedLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
