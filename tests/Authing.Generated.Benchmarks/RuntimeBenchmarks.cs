using System;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.Tasks;
using Authing.Generated.Runtime;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Authing.Generated.Benchmarks;

/// <summary>
/// One call of the seed operation over loopback: the generated client against a hand-written client that signs
/// the same request with HttpClient and System.Text.Json, both against the same local Kestrel server.
/// </summary>
// Twenty warm-up rounds: on two cores the tiered JIT needs that long to finish optimising the generated client's
// longer call path (resilience handler, signing, generated readers); with three, its first measured rounds were still
// two to four times slower than its steady state while the hand-written path was already settled.
[SimpleJob(warmupCount: 20, iterationCount: 15)]
[MemoryDiagnoser]
public class RuntimeBenchmarks
{
    private const string AccessKeyId = "benchmark-key";
    private const string AccessKeySecret = "benchmark-secret";
    private const string Path = "/api/v3/association-ext-idp";
    private const string ConnectionId = "60b49eb83fd80adb96f26e68";

    private static readonly byte[] Reply = Encoding.UTF8.GetBytes(
        """{"statusCode":200,"message":"Success","requestId":"934108e5-9fbf-4d24-8da1-c330328abd6c","data":{"success":true}}""");

    private WebApplication _server = null!;
    private ManagementClient _generated = null!;
    private HttpClient _handWritten = null!;
    private Uri _handWrittenUri = null!;
    private byte[] _secret = Array.Empty<byte>();

    [GlobalSetup]
    public async Task SetupAsync()
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        _server = builder.Build();
        _server.Run(AnswerAsync);
        await _server.StartAsync();
        string address = _server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.Single();
        var host = new Uri(address);
        if (!IPAddress.IsLoopback(IPAddress.Parse(host.Host)))
        {
            throw new InvalidOperationException("The benchmark server must listen on loopback, not " + address);
        }

        _generated = new ManagementClient(new AuthingClientOptions
        {
            AccessKeyId = AccessKeyId,
            AccessKeySecret = AccessKeySecret,
            Host = host.ToString(),
            AllowInsecureHttp = true,
            MaxRetryAttempts = 0,
        });

        _handWritten = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.All,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        });
        _handWrittenUri = new Uri(host, Path);
        _secret = Encoding.UTF8.GetBytes(AccessKeySecret);

        if (!await HandWritten() || !await Generated())
        {
            throw new InvalidOperationException("A client did not read success from the reply.");
        }
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _generated.Dispose();
        _handWritten.Dispose();
        await _server.StopAsync();
        await _server.DisposeAsync();
    }

    /// <summary>
    /// Signs with a fresh nonce and date (HMAC-SHA1 over the string to sign), sends the JSON body, checks the
    /// envelope's statusCode and reads data.success straight from the response stream.
    /// </summary>
    [Benchmark(Baseline = true)]
    public async Task<bool> HandWritten()
    {
        var body = new AssociationBody(true, ConnectionId);
        byte[] json = JsonSerializer.SerializeToUtf8Bytes(body, BaselineJson.Default.AssociationBody);

        string nonce = RandomNumberGenerator.GetHexString(32, lowercase: true);
        string date = DateTimeOffset.UtcNow.ToString("r", CultureInfo.InvariantCulture);
        string stringToSign =
            "POST\n" +
            "date:" + date + "\n" +
            "x-authing-lang:zh-CN\n" +
            "x-authing-sdk-version:" + AuthingSigningHandler.SdkVersion + "\n" +
            "x-authing-signature-method:HMAC-SHA1\n" +
            "x-authing-signature-nonce:" + nonce + "\n" +
            "x-authing-signature-version:1.0\n" +
            Path + "?association=" + (body.Association ? "true" : "false") + "&id=" + body.Id;
        string signature = Convert.ToBase64String(HMACSHA1.HashData(_secret, Encoding.UTF8.GetBytes(stringToSign)));

        using var request = new HttpRequestMessage(HttpMethod.Post, _handWrittenUri);
        request.Content = new ByteArrayContent(json);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        HttpRequestHeaders headers = request.Headers;
        headers.TryAddWithoutValidation("x-authing-signature-nonce", nonce);
        headers.TryAddWithoutValidation("x-authing-signature-method", "HMAC-SHA1");
        headers.TryAddWithoutValidation("x-authing-signature-version", "1.0");
        headers.TryAddWithoutValidation("x-authing-sdk-version", AuthingSigningHandler.SdkVersion);
        headers.TryAddWithoutValidation("x-authing-lang", "zh-CN");
        headers.TryAddWithoutValidation("date", date);
        headers.TryAddWithoutValidation("authorization", "authing " + AccessKeyId + ":" + signature);

        using HttpResponseMessage response = await _handWritten.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync();
        Envelope? envelope = await JsonSerializer.DeserializeAsync(stream, BaselineJson.Default.Envelope);
        if (envelope is null || envelope.StatusCode != 200)
        {
            throw new InvalidOperationException("The call failed: " + envelope?.Message);
        }

        return envelope.Data?.Success == true;
    }

    [Benchmark]
    public async Task<bool> Generated()
    {
        IsSuccessRespDto reply = await _generated.AssociationExtIdpAsync(new AssociationExtIdpDto
        {
            Association = true,
            Id = ConnectionId,
        });
        return reply.Data?.Success == true;
    }

    /// <summary>Answers every signed request with the seed's example reply; the body is read, as a server must.</summary>
    private static async Task AnswerAsync(HttpContext context)
    {
        if (!context.Request.Headers.Authorization.ToString().StartsWith("authing " + AccessKeyId + ":", StringComparison.Ordinal))
        {
            context.Response.StatusCode = 401;
            return;
        }

        byte[] buffer = new byte[512];
        while (await context.Request.Body.ReadAsync(buffer) > 0)
        {
        }

        context.Response.ContentType = "application/json";
        context.Response.ContentLength = Reply.Length;
        await context.Response.Body.WriteAsync(Reply);
    }
}

internal sealed record AssociationBody(bool Association, string Id);

internal sealed record SuccessData(bool Success);

internal sealed record Envelope(int StatusCode, string? Message, string? RequestId, SuccessData? Data);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(AssociationBody))]
[JsonSerializable(typeof(Envelope))]
internal sealed partial class BaselineJson : JsonSerializerContext;
