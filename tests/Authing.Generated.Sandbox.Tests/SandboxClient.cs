using System;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;

namespace Authing.Generated.Sandbox.Tests;

/// <summary>A plain HttpClient aimed at one sandbox, never through a proxy, and the envelope of a response.</summary>
internal static class SandboxClient
{
    public static HttpClient For(AuthingSandbox sandbox) =>
        new(new SocketsHttpHandler { UseProxy = false })
        {
            BaseAddress = sandbox.BaseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };

    public static async Task<(HttpResponseMessage Response, string Text, JsonElement Envelope)> SendAsync(
        this HttpClient client, Func<HttpRequestMessage> request)
    {
        using HttpRequestMessage message = request();
        HttpResponseMessage response = await client.SendAsync(message);
        string text = await response.Content.ReadAsStringAsync();
        using JsonDocument document = JsonDocument.Parse(text);
        return (response, text, document.RootElement.Clone());
    }
}
