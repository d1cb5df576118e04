using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Authing.Generated.Runtime.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace Authing.Generated.Runtime.Tests;

[Collection(TimingCollection.Name)]
public sealed class ConcurrencyTests
{
    [Fact]
    public async Task Five_hundred_concurrent_calls_on_one_transport_are_each_signed_and_matched_to_their_request()
    {
        var invalid = new ConcurrentQueue<string>();
        await using LoopbackServer server = await LoopbackServer.StartAsync(async (context, _) =>
        {
            ReceivedRequest request = await SignatureVerifier.ReceiveAsync(context);
            if (!request.SignatureValid)
            {
                invalid.Enqueue(request.StringToSign);
                await Envelopes.WriteAsync(context, """{"statusCode":401,"message":"bad signature"}""");
                return;
            }

            string value = HttpMethods.IsGet(request.Method)
                ? context.Request.Query["value"].ToString()
                : JsonDocument.Parse(request.Body).RootElement.GetProperty("value").GetString()!;
            await Envelopes.WriteAsync(context, Envelopes.Success(value, requestId: "r-" + value));
        });
        using AuthingTransport transport = AuthingTransport.Create(TestOptions.For(server));

        Task<EchoResponse>[] calls = Enumerable.Range(0, 500).Select(i => Task.Run(() =>
        {
            var operation = i % 2 == 0 ? TestOperations.EchoGet : TestOperations.EchoPost;
            var callOptions = i % 3 == 0 ? new AuthingCallOptions { TenantId = "t" + i, Lang = "en-US" } : null;
            return transport.SendAsync(operation, new EchoRequest($"call-{i}-值", ["x" + i]), callOptions, default);
        })).ToArray();
        EchoResponse[] responses = await Task.WhenAll(calls).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Empty(invalid);
        Assert.Equal(500, server.RequestCount);
        for (int i = 0; i < responses.Length; i++)
        {
            Assert.Equal($"call-{i}-值", responses[i].Data!.Value);
            Assert.Equal($"r-call-{i}-值", responses[i].RequestId);
        }
    }
}
