using System.Net;
using System.Threading.Tasks;
using Authing.Generated.Runtime.Tests.Support;

namespace Authing.Generated.Runtime.Tests;

/// <summary>How the envelope's statusCode decides between a result and an exception, whatever form it takes.</summary>
public sealed class EnvelopeStatusTests
{
    [Theory]
    [InlineData("""{"statusCode":200,"statusCode":500,"message":"boom","data":{}}""")]
    [InlineData("""{"statusCode":200,"requestId":"r","statusCode":500,"data":{}}""")]
    [InlineData("""{"requestId":"r","statusCode":200,"message":"ok","data":{}}""")]
    [InlineData("""{"statusCode":500,"message":"no","requestId":"r2","data":{}}""")]
    [InlineData("""{"message":"first","statusCode":200,"data":{"statusCode":500}}""")]
    public void The_pre_scan_decides_the_same_whether_or_not_the_log_wants_the_request_id(string body)
    {
        byte[] json = System.Text.Encoding.UTF8.GetBytes(body);

        EnvelopeStatus logged = EnvelopeScanner.Scan(json, wantRequestId: true);
        EnvelopeStatus quiet = EnvelopeScanner.Scan(json, wantRequestId: false);

        Assert.Equal(logged.Form, quiet.Form);
        Assert.Equal(logged.StatusCode, quiet.StatusCode);
        Assert.Equal(logged.ApiCode, quiet.ApiCode);
        if (logged.StatusCode != EnvelopeScanner.SuccessStatusCode)
        {
            // A failure keeps what the exception reports, whatever the log level.
            Assert.Equal(logged.Message, quiet.Message);
            Assert.Equal(logged.RequestId, quiet.RequestId);
        }
    }

    [Theory]
    [InlineData("""{"message":"gateway says hi","error":"upstream down"}""")]
    [InlineData("""{}""")]
    [InlineData("""{"requestId":"req-1","data":{"value":"v","tags":[]}}""")]
    [InlineData("""{"data":{"statusCode":200}}""")]
    public async Task Json_object_without_a_status_code_gives_an_http_exception(string body)
    {
        (AuthingHttpException error, int reads) = await FailAsync<AuthingHttpException>(body);

        Assert.Equal(HttpStatusCode.OK, error.StatusCode);
        Assert.Equal(body, error.ContentStart);
        Assert.Contains("without an Authing JSON envelope (no statusCode)", error.Message);
        Assert.Equal(0, reads);
    }

    [Theory]
    [InlineData("500")]
    [InlineData("500.0")]
    [InlineData("5e2")]
    [InlineData("5E+2")]
    [InlineData("50000e-2")]
    [InlineData("\"500\"")]
    [InlineData("\"500.0\"")]
    public async Task Status_code_500_in_any_numeric_form_gives_an_api_exception(string statusCode)
    {
        string body = "{\"statusCode\":" + statusCode + ",\"message\":\"x\",\"apiCode\":7}";
        (AuthingApiException error, int reads) = await FailAsync<AuthingApiException>(body);

        Assert.Equal(500, error.StatusCode);
        Assert.Equal(7, error.ApiCode);
        Assert.Equal("x", error.ApiMessage);
        Assert.Equal(HttpStatusCode.OK, error.HttpStatus);
        Assert.Equal(0, reads);
    }

    [Theory]
    [InlineData("200")]
    [InlineData("200.0")]
    [InlineData("2e2")]
    public async Task Status_code_200_in_any_numeric_form_is_a_success(string statusCode)
    {
        string body = "{\"statusCode\":" + statusCode + ",\"data\":{\"value\":\"v\",\"tags\":[]}}";
        await using LoopbackServer server = await LoopbackServer.StartAsync(
            (context, _) => Envelopes.WriteAsync(context, body));
        using AuthingTransport transport = AuthingTransport.Create(TestOptions.For(server));

        EchoResponse response = await transport.SendAsync(TestOperations.EchoGet, new EchoRequest("v"), null, default);

        Assert.Equal("v", response.Data!.Value);
    }

    [Theory]
    [InlineData("true")]
    [InlineData("null")]
    [InlineData("\"abc\"")]
    [InlineData("\"\"")]
    [InlineData("{\"code\":200}")]
    [InlineData("[200]")]
    [InlineData("200.5")]
    [InlineData("1e20")]
    public async Task Status_code_that_is_not_a_whole_number_gives_an_http_exception(string statusCode)
    {
        string body = "{\"statusCode\":" + statusCode + ",\"message\":\"x\",\"data\":{\"value\":\"v\",\"tags\":[]}}";
        (AuthingHttpException error, int reads) = await FailAsync<AuthingHttpException>(body);

        Assert.Equal(HttpStatusCode.OK, error.StatusCode);
        Assert.Equal(body, error.ContentStart);
        Assert.Contains("with an envelope whose statusCode is not a whole number", error.Message);
        Assert.Equal(0, reads);
    }

    [Fact]
    public async Task Undecodable_message_before_the_status_code_does_not_hide_the_status_code()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, _) =>
            Envelopes.WriteAsync(context, """{"message":"\uD800","apiCode":7,"statusCode":500}"""));
        using AuthingTransport transport = AuthingTransport.Create(TestOptions.For(server));

        AuthingApiException error = await Assert.ThrowsAsync<AuthingApiException>(
            () => transport.SendAsync(TestOperations.EchoGet, new EchoRequest("v"), null, default));

        Assert.Equal(500, error.StatusCode);
        Assert.Equal(7, error.ApiCode);
        Assert.Null(error.ApiMessage);
    }

    [Fact]
    public async Task Status_code_inside_another_field_is_not_taken_for_the_envelopes()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, _) => Envelopes.WriteAsync(
            context, """{"apiCode":{"statusCode":200},"message":{"statusCode":200},"statusCode":503}"""));
        using AuthingTransport transport = AuthingTransport.Create(TestOptions.For(server));

        AuthingApiException error = await Assert.ThrowsAsync<AuthingApiException>(
            () => transport.SendAsync(TestOperations.EchoGet, new EchoRequest("v"), null, default));

        Assert.Equal(503, error.StatusCode);
        Assert.Null(error.ApiCode);
    }

    [Fact]
    public async Task Json_that_breaks_off_before_the_status_code_gives_a_serialization_exception_with_the_path()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(
            (context, _) => Envelopes.WriteAsync(context, """{"data":{"value":"abc"""));
        using AuthingTransport transport = AuthingTransport.Create(TestOptions.For(server));

        AuthingSerializationException error = await Assert.ThrowsAsync<AuthingSerializationException>(
            () => transport.SendAsync(TestOperations.EchoGet, new EchoRequest("v"), null, default));

        Assert.Equal("$.data.value", error.JsonPath);
        Assert.Equal(HttpStatusCode.OK, error.HttpStatus);
    }

    /// <summary>
    /// Calls an operation whose response reader counts its reads against a server answering <paramref name="body"/>,
    /// and returns the failure and how often the typed reader ran.
    /// </summary>
    private static async Task<(TException Error, int Reads)> FailAsync<TException>(string body)
        where TException : System.Exception
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(
            (context, _) => Envelopes.WriteAsync(context, body));
        using AuthingTransport transport = AuthingTransport.Create(TestOptions.For(server));
        var reads = new StrongBox<int>();

        TException error = await Assert.ThrowsAsync<TException>(() => transport.SendAsync(
            TestOperations.Untouchable("GET", reads), new EchoRequest("v"), null, default));
        return (error, reads.Value);
    }
}
