using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Authing.Generated.Runtime.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace Authing.Generated.Runtime.Tests;

/// <summary>Disposing a client ends the calls it has in flight at once, as disposal, not as a timeout or a cancel.</summary>
[Collection(TimingCollection.Name)]
public sealed class TransportDisposalTests
{
    [Theory]
    [InlineData(true, false)]
    [InlineData(true, true)]
    [InlineData(false, false)]
    [InlineData(false, true)]
    public async Task Disposing_ends_a_call_in_flight_promptly_with_object_disposed(bool headersSent, bool get)
    {
        var stalled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using LoopbackServer server = await LoopbackServer.StartAsync(async (context, _) =>
        {
            if (headersSent)
            {
                context.Response.ContentType = "application/json";
                context.Response.ContentLength = 100;
                await context.Response.WriteAsync("{\"statusCode\":200,");
                await context.Response.Body.FlushAsync();
            }

            stalled.TrySetResult();
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        });
        AuthingTransport transport = AuthingTransport.Create(TestOptions.For(server, options =>
        {
            options.Timeout = TimeSpan.FromSeconds(20);
            options.AttemptTimeout = TimeSpan.FromSeconds(10);
        }));
        Task<EchoResponse> call = get
            ? transport.SendAsync(TestOperations.EchoGet, new EchoRequest("v"), null, default)
            : transport.SendAsync(TestOperations.EchoPost, new EchoRequest("v"), null, default);
        await stalled.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await Task.Delay(100);
        var stopwatch = Stopwatch.StartNew();

        transport.Dispose();

        ObjectDisposedException disposed = await Assert.ThrowsAsync<ObjectDisposedException>(() => call);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5), $"the call ended {stopwatch.Elapsed} after the disposal");
        Assert.Contains("disposed while", disposed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_call_after_disposal_is_refused_without_sending()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(
            (context, _) => Envelopes.WriteAsync(context, Envelopes.Success("v")));
        AuthingTransport transport = AuthingTransport.Create(TestOptions.For(server));
        transport.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(
            () => transport.SendAsync(TestOperations.EchoPost, new EchoRequest("v"), null, default));
        Assert.Equal(0, server.RequestCount);
    }
}
