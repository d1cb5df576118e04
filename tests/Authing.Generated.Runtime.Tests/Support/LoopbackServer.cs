using System;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Authing.Generated.Runtime.Tests.Support;

/// <summary>A Kestrel server on 127.0.0.1 with a port chosen by the OS, answering with a test's handler.</summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    private WebApplication? _app;
    private int _requestCount;

    private LoopbackServer()
    {
    }

    /// <summary>The server's address, such as <c>http://127.0.0.1:41234</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The host to put in <see cref="AuthingClientOptions.Host"/>.</summary>
    public string Host => BaseAddress.GetLeftPart(UriPartial.Authority);

    /// <summary>How many requests have arrived so far.</summary>
    public int RequestCount => Volatile.Read(ref _requestCount);

    /// <summary>Starts a server; the handler gets each request with its 1-based arrival number.</summary>
    public static Task<LoopbackServer> StartAsync(Func<HttpContext, int, Task> handler) =>
        StartAsync(handler, configureHttps: null);

    public static async Task<LoopbackServer> StartAsync(
        Func<HttpContext, int, Task> handler, Action<ListenOptions>? configureHttps)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(
            kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => configureHttps?.Invoke(listen)));
        WebApplication app = builder.Build();
        var server = new LoopbackServer { _app = app };
        app.Run(context => handler(context, Interlocked.Increment(ref server._requestCount)));
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.Single();
        server.BaseAddress = new Uri(address);
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        using var stopTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app!.StopAsync(stopTimeout.Token);
        await _app.DisposeAsync();
    }
}
