using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Authing.Generated.Runtime.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace Authing.Generated.Runtime.Tests;

/// <summary>How envelopes, gateway pages and broken bodies turn into results and exceptions.</summary>
public sealed class TransportResponseTests
{
    private const string GatewayPage =
        "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>";

    [Theory]
    [InlineData("""{"statusCode":200,"message":"ok","requestId":"req-77","data":{"value":"v"}}""")]
    [InlineData("""{"requestId":"req-77","statusCode":200,"data":{"value":"v"}}""")]
    public async Task A_successful_call_logs_its_request_id_when_it_comes_before_data(string body)
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(
            (context, _) => Envelopes.WriteAsync(context, body));
        using var logs = new CapturingLoggerProvider();
        using AuthingTransport transport = AuthingTransport.Create(TestOptions.For(server), logs);

        EchoResponse response = await transport.SendAsync(TestOperations.EchoPost, new EchoRequest("v"), null, default);

        Assert.Equal("v", response.Data?.Value);
        Assert.Contains(logs.Entries, entry => entry.Message.Contains("req-77", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("租户")]
    [InlineData("tenant\u00e9")]
    [InlineData("")]
    public async Task A_tenant_a_header_cannot_carry_is_refused_before_anything_is_sent_or_retried(string tenantId)
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(
            (context, _) => Envelopes.WriteAsync(context, Envelopes.Success("v")));
        using AuthingTransport transport = AuthingTransport.Create(TestOptions.For(server));

        ArgumentException error = await Assert.ThrowsAsync<ArgumentException>(() => transport.SendAsync(
            TestOperations.EchoGet, new EchoRequest("v"), new AuthingCallOptions { TenantId = tenantId }, default));

        Assert.Contains("TenantId", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, server.RequestCount);
    }

    [Fact]
    public async Task Gateway_html_page_gives_an_http_exception_with_status_headers_and_body_start()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, _) =>
        {
            context.Response.Headers["x-gateway"] = "edge-7";
            return Envelopes.WriteAsync(context, GatewayPage, 502, "text/html");
        });
        using AuthingTransport transport = AuthingTransport.Create(TestOptions.For(server));

        AuthingHttpException error = await Assert.ThrowsAsync<AuthingHttpException>(
            () => transport.SendAsync(TestOperations.EchoPost, new EchoRequest("v"), null, default));

        Assert.Equal(HttpStatusCode.BadGateway, error.StatusCode);
        Assert.Equal("Bad Gateway", error.ReasonPhrase);
        Assert.Equal(GatewayPage, error.ContentStart);
        Assert.Equal("edge-7", Assert.Single(error.Headers["X-Gateway"]));
        Assert.StartsWith("text/html", Assert.Single(error.Headers["content-type"]));
        Assert.Contains("POST /api/v3/echo-post returned HTTP 502 Bad Gateway", error.Message);
        Assert.Contains("<title>502 Bad Gateway</title>", error.Message);
    }

    [Theory]
    [InlineData("text/html", "<!DOCTYPE html><html><body>maintenance</body></html>")]
    [InlineData("application/json", "")]
    [InlineData("application/json", "   ")]
    [InlineData("text/plain", "OK")]
    [InlineData("application/json", "[1,2]")]
    public async Task Success_status_without_an_envelope_gives_an_http_exception(string contentType, string body)
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(
            (context, _) => Envelopes.WriteAsync(context, body, 200, contentType));
        using AuthingTransport transport = AuthingTransport.Create(TestOptions.For(server));

        AuthingHttpException error = await Assert.ThrowsAsync<AuthingHttpException>(
            () => transport.SendAsync(TestOperations.EchoGet, new EchoRequest("v"), null, default));

        Assert.Equal(HttpStatusCode.OK, error.StatusCode);
        Assert.Equal(body, error.ContentStart);
        Assert.Contains("without an Authing JSON envelope", error.Message);
    }

    [Fact]
    public async Task Long_bodies_keep_only_their_first_kilobyte_cut_at_a_character()
    {
        string body = "<html>" + new string('中', 2000) + "</html>";
        await using LoopbackServer server = await LoopbackServer.StartAsync(
            (context, _) => Envelopes.WriteAsync(context, body, 404, "text/html"));
        using AuthingTransport transport = AuthingTransport.Create(TestOptions.For(server));

        AuthingHttpException error = await Assert.ThrowsAsync<AuthingHttpException>(
            () => transport.SendAsync(TestOperations.EchoGet, new EchoRequest("v"), null, default));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.StartsWith("<html>中中", error.ContentStart);
        Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(error.ContentStart), 1000, 1024);
        Assert.DoesNotContain('\uFFFD', error.ContentStart);
    }

    [Fact]
    public async Task Truncated_json_gives_a_serialization_exception_naming_path_operation_type_and_status()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, _) =>
            Envelopes.WriteAsync(context, """{"statusCode":200,"message":"ok","data":{"value":"abc"""));
        using AuthingTransport transport = AuthingTransport.Create(TestOptions.For(server));

        AuthingSerializationException error = await Assert.ThrowsAsync<AuthingSerializationException>(
            () => transport.SendAsync(TestOperations.EchoPost, new EchoRequest("v"), null, default));

        Assert.Equal("$.data.value", error.JsonPath);
        Assert.Equal(HttpStatusCode.OK, error.HttpStatus);
        Assert.Equal("POST /api/v3/echo-post", error.Operation);
        Assert.Equal(nameof(EchoResponse), error.ResponseType);
        Assert.StartsWith(
            "Could not read the response of POST /api/v3/echo-post as EchoResponse at $.data.value: ", error.Message);
        Assert.EndsWith("(HTTP 200).", error.Message);
    }

    [Fact]
    public async Task Wrong_type_in_a_list_names_the_element()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, _) => Envelopes.WriteAsync(
            context,
            """{"statusCode":200,"data":{"tags":[{"name":"a"},{"name":"b"},{"name":"c","weight":3},{"name":7}]}}"""));
        using AuthingTransport transport = AuthingTransport.Create(TestOptions.For(server));

        AuthingSerializationException error = await Assert.ThrowsAsync<AuthingSerializationException>(
            () => transport.SendAsync(TestOperations.EchoGet, new EchoRequest("v"), null, default));

        Assert.Equal("$.data.tags[3].name", error.JsonPath);
        Assert.Contains("as EchoResponse at $.data.tags[3].name: expected a string but found Number", error.Message);
    }

    [Fact]
    public async Task Data_after_the_envelope_is_refused()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(
            (context, _) => Envelopes.WriteAsync(context, """{"statusCode":200} {"statusCode":200}"""));
        using AuthingTransport transport = AuthingTransport.Create(TestOptions.For(server));

        AuthingSerializationException error = await Assert.ThrowsAsync<AuthingSerializationException>(
            () => transport.SendAsync(TestOperations.EchoGet, new EchoRequest("v"), null, default));

        Assert.Contains("after the envelope", error.Problem);
    }

    [Theory]
    [InlineData("""{"statusCode":403,"message":"无权限访问","apiCode":2004,"requestId":"req-403","data":{"tags":1}}""")]
    [InlineData("""{"data":{"tags":[{"name":1}]},"requestId":"req-403","message":"无权限访问","apiCode":2004,"statusCode":403}""")]
    public async Task Envelope_status_other_than_200_gives_an_api_exception_without_running_the_reader(string body)
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(
            (context, _) => Envelopes.WriteAsync(context, body));
        using AuthingTransport transport = AuthingTransport.Create(TestOptions.For(server));
        var reads = new StrongBox<int>();

        AuthingApiException error = await Assert.ThrowsAsync<AuthingApiException>(() => transport.SendAsync(
            TestOperations.Untouchable("POST", reads), new EchoRequest("v"), null, default));

        Assert.Equal(403, error.StatusCode);
        Assert.Equal(2004, error.ApiCode);
        Assert.Equal("无权限访问", error.ApiMessage);
        Assert.Equal("req-403", error.RequestId);
        Assert.Equal(HttpStatusCode.OK, error.HttpStatus);
        Assert.Equal("POST /api/v3/untouchable", error.Operation);
        Assert.Equal(
            "POST /api/v3/untouchable failed with statusCode 403, apiCode 2004: 无权限访问 (HTTP 200, requestId req-403)",
            error.Message);
        Assert.Equal(0, reads.Value);
    }

    [Fact]
    public async Task Body_cut_off_mid_way_gives_a_logged_http_exception_with_what_arrived_and_the_cause()
    {
        await using RawReplyServer server = RawReplyServer.Start(
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 500\r\nx-gateway: edge-7\r\n\r\n" +
            """{"statusCode":200,""");
        using var logs = new CapturingLoggerProvider();
        using AuthingTransport transport = AuthingTransport.Create(TestOptions.For(server.Host), logs);

        AuthingHttpException error = await Assert.ThrowsAsync<AuthingHttpException>(
            () => transport.SendAsync(TestOperations.EchoPost, new EchoRequest("v"), null, default));

        Assert.Equal(HttpStatusCode.OK, error.StatusCode);
        Assert.Equal("OK", error.ReasonPhrase);
        Assert.Equal("""{"statusCode":200,""", error.ContentStart);
        Assert.Equal("edge-7", Assert.Single(error.Headers["x-gateway"]));
        Assert.Equal("500", Assert.Single(error.Headers["Content-Length"]));
        Assert.IsAssignableFrom<System.IO.IOException>(error.InnerException);
        Assert.Contains("POST /api/v3/echo-post returned HTTP 200 OK", error.Message);
        Assert.Contains("but its body broke off after 18 of 500 bytes", error.Message);
        Assert.Single(logs.Entries, entry => entry.EventId.Name == "AuthingRequestFailed"
            && entry.Message.Contains("POST /api/v3/echo-post failed with AuthingHttpException", StringComparison.Ordinal)
            && entry.Message.Contains("(HTTP 200)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Body_larger_than_the_limit_is_refused()
    {
        string body = "{\"statusCode\":200,\"data\":{\"value\":\"" + new string('x', 5000) + "\"}}";
        await using LoopbackServer server = await LoopbackServer.StartAsync(
            (context, _) => Envelopes.WriteAsync(context, body));
        using AuthingTransport transport = AuthingTransport.Create(
            TestOptions.For(server, options => options.MaxResponseBytes = 4096));

        AuthingHttpException error = await Assert.ThrowsAsync<AuthingHttpException>(
            () => transport.SendAsync(TestOperations.EchoGet, new EchoRequest("v"), null, default));

        Assert.Contains("larger than 4096 bytes", error.Message);
    }

    [Fact]
    public async Task Headers_carry_language_tenant_date_and_sdk_version_with_per_call_overrides()
    {
        var received = new ConcurrentQueue<ReceivedRequest>();
        await using LoopbackServer server = await LoopbackServer.StartAsync(async (context, _) =>
        {
            received.Enqueue(await SignatureVerifier.ReceiveAsync(context));
            await Envelopes.WriteAsync(context, Envelopes.Success("v"));
        });
        var clock = new FixedClock(new DateTimeOffset(2026, 12, 3, 8, 0, 0, TimeSpan.Zero));
        using AuthingTransport transport = AuthingTransport.Create(
            TestOptions.For(server, options => options.TenantId = "tenant-1"), null, clock);

        await transport.SendAsync(TestOperations.EchoPost, new EchoRequest("v"), null, default);
        await transport.SendAsync(
            TestOperations.EchoPost,
            new EchoRequest("v"),
            new AuthingCallOptions { TenantId = "tenant-2", Lang = "en-US" },
            default);

        ReceivedRequest[] requests = received.ToArray();
        Assert.All(requests, request => Assert.True(request.SignatureValid, request.StringToSign));
        Assert.All(requests, request => Assert.Equal("Thu, 03 Dec 2026 08:00:00 GMT", request.Header("date")));
        Assert.All(requests, request =>
            Assert.Equal("authing-csharp-generated:1.0.0", request.Header("x-authing-sdk-version")));
        Assert.All(requests, request => Assert.Equal("HMAC-SHA1", request.Header("x-authing-signature-method")));
        Assert.All(requests, request => Assert.Equal("1.0", request.Header("x-authing-signature-version")));
        Assert.All(requests, request => Assert.Equal("application/json", request.Header("content-type")));
        Assert.All(requests, request => Assert.Equal("{\"value\":\"v\"}", request.Body));
        Assert.Equal(("zh-CN", "tenant-1"), (requests[0].Header("x-authing-lang"), requests[0].Header("x-authing-app-id")));
        Assert.Equal(("en-US", "tenant-2"), (requests[1].Header("x-authing-lang"), requests[1].Header("x-authing-app-id")));
        Assert.StartsWith(
            "POST\ndate:Thu, 03 Dec 2026 08:00:00 GMT\nx-authing-app-id:tenant-1\nx-authing-lang:zh-CN\n",
            requests[0].StringToSign);
        Assert.EndsWith("\n/api/v3/echo-post?value=v", requests[0].StringToSign);
    }

    [Fact]
    public async Task No_tenant_sends_no_app_id_and_host_trailing_slash_is_ignored()
    {
        var received = new ConcurrentQueue<ReceivedRequest>();
        await using LoopbackServer server = await LoopbackServer.StartAsync(async (context, _) =>
        {
            received.Enqueue(await SignatureVerifier.ReceiveAsync(context));
            await Envelopes.WriteAsync(context, Envelopes.Success("v"));
        });
        using AuthingTransport transport = AuthingTransport.Create(
            TestOptions.For(server, options => options.Host = server.Host + "/"));

        EchoResponse response = await transport.SendAsync(
            TestOperations.EchoGet, new EchoRequest("中 文", ["x&y"], new Tag("t", 0.5)), null, default);

        ReceivedRequest request = Assert.Single(received);
        Assert.Equal("v", response.Data!.Value);
        Assert.Equal("/api/v3/echo-get", request.Path);
        Assert.Null(request.Header("x-authing-app-id"));
        Assert.True(request.SignatureValid, request.StringToSign);
        Assert.EndsWith(
            "/api/v3/echo-get?owner={\"name\":\"t\",\"weight\":0.5}&tags=[\"x&y\"]&value=中 文", request.StringToSign);
    }

    [Fact]
    public async Task Per_call_language_must_be_supported()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(
            (context, _) => Envelopes.WriteAsync(context, Envelopes.Success("v")));
        using AuthingTransport transport = AuthingTransport.Create(TestOptions.For(server));

        await Assert.ThrowsAsync<ArgumentException>(() => transport.SendAsync(
            TestOperations.EchoGet, new EchoRequest("v"), new AuthingCallOptions { Lang = "fr-FR" }, default));
        Assert.Equal(0, server.RequestCount);
    }

    [Fact]
    public async Task Already_cancelled_call_sends_nothing()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(
            (context, _) => Envelopes.WriteAsync(context, Envelopes.Success("v")));
        using AuthingTransport transport = AuthingTransport.Create(TestOptions.For(server));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => transport.SendAsync(
            TestOperations.EchoGet, new EchoRequest("v"), null, new CancellationToken(canceled: true)));
        Assert.Equal(0, server.RequestCount);
    }
}
