using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Xunit;

namespace Authing.Generated.Sandbox.Tests;

/// <summary>GET operations with array query parameters, and the echo of the signed parameters in requestId.</summary>
public sealed class QueryAndEchoTests : IAsyncLifetime, IDisposable
{
    private const string WidgetsPath = "/api/v3/sandbox-widgets";
    private const string SeedPath = "/api/v3/association-ext-idp";
    private const string NotesPath = "/api/v3/sandbox-notes";
    private const string FlagsPath = "/api/v3/sandbox-flags";

    private readonly PageFolder _pages = new();
    private AuthingSandbox? _sandbox;
    private HttpClient? _client;

    private HttpClient Client => _client!;

    public async Task InitializeAsync()
    {
        _pages.Write(TestPages.WidgetsByIdFileName, TestPages.WidgetsById);
        _pages.Write("sandbox-notes.md", TestPages.WithoutExample("Sandbox notes"));
        _pages.Write(
            "sandbox-flags.md", TestPages.WithExample("Sandbox flags", """{"statusCode":200,"data":{"on":true}}"""));
        _sandbox = await AuthingSandbox.StartAsync(new AuthingSandboxOptions
        {
            AccessKeyId = RequestSigner.AccessKeyId,
            AccessKeySecret = RequestSigner.AccessKeySecret,
            PagePaths = [_pages.Path, RepositoryFolders.SeedPage],
            EchoRequest = true,
        });
        _client = SandboxClient.For(_sandbox);
    }

    public async Task DisposeAsync()
    {
        if (_sandbox is not null)
        {
            await _sandbox.DisposeAsync();
        }
    }

    public void Dispose()
    {
        _client?.Dispose();
        _pages.Dispose();
    }

    [Fact]
    public void Page_with_indented_query_rows_is_listed_as_a_get()
    {
        Assert.Equal(
            ["POST " + SeedPath, "POST " + FlagsPath, "POST " + NotesPath, "GET " + WidgetsPath], _sandbox!.Operations);
    }

    [Fact]
    public async Task Signed_get_with_array_query_parameters_verifies()
    {
        var (_, text, envelope) = await Client.SendAsync(() => new RequestSigner().Get(
            WidgetsPath, """{"widgetIds":["w1","a b&c=d","\u7ec4\u4ef6"],"withDetail":true}"""));

        Assert.True(200 == envelope.GetProperty("statusCode").GetInt32(), text);
        Assert.Equal(
            "widgetIds=[\"w1\",\"a b&c=d\",\"\u7ec4\u4ef6\"]&withDetail=true",
            envelope.GetProperty("requestId").GetString());
        Assert.Equal("w1", envelope.GetProperty("data")[0].GetProperty("widgetId").GetString());
    }

    [Fact]
    public async Task Get_without_the_required_array_is_refused_naming_it()
    {
        var (_, _, envelope) = await Client.SendAsync(
            () => new RequestSigner().Get(WidgetsPath, """{"withDetail":false}"""));

        Assert.Equal(400, envelope.GetProperty("statusCode").GetInt32());
        Assert.Equal("Missing required parameter: widgetIds", envelope.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Get_signed_with_other_query_values_is_refused()
    {
        var (_, _, envelope) = await Client.SendAsync(() =>
        {
            HttpRequestMessage request = new RequestSigner().Get(WidgetsPath, """{"widgetIds":["w1"]}""");
            request.RequestUri = new Uri(WidgetsPath + "?widgetIds%5B%5D=w2", UriKind.Relative);
            return request;
        });

        Assert.Equal(401, envelope.GetProperty("statusCode").GetInt32());
    }

    [Fact]
    public async Task Echo_puts_the_canonical_body_parameters_in_request_id_and_keeps_the_rest_of_the_example()
    {
        const string body = """{"tenantId":"t-9","id":"conn-1","association":false,"extra":{"b":[1,2.5]}}""";
        var (_, _, envelope) = await Client.SendAsync(() => new RequestSigner().Body(HttpMethod.Post, SeedPath, body));

        Assert.Equal(
            "association=false&extra={\"b\":[1,2.5]}&id=conn-1&tenantId=t-9",
            envelope.GetProperty("requestId").GetString());
        Assert.Equal("Success", envelope.GetProperty("message").GetString());
        Assert.True(envelope.GetProperty("data").GetProperty("success").GetBoolean());
    }

    [Fact]
    public async Task Concurrent_signed_requests_all_succeed_and_each_gets_its_own_answer()
    {
        int before = _sandbox!.RequestCount;
        var calls = Enumerable.Range(0, 200).Select(async i =>
        {
            string id = "conn-" + i;
            var (_, text, envelope) = i % 2 == 0
                ? await Client.SendAsync(() => new RequestSigner().Body(
                    HttpMethod.Post, SeedPath, $$"""{"id":"{{id}}","association":true}"""))
                : await Client.SendAsync(() => new RequestSigner().Get(WidgetsPath, $$"""{"widgetIds":["{{id}}"]}"""));
            return (Index: i, Id: id, Text: text, Envelope: envelope);
        });

        var results = await Task.WhenAll(calls);

        foreach (var result in results)
        {
            Assert.True(200 == result.Envelope.GetProperty("statusCode").GetInt32(), result.Text);
            string expected = result.Index % 2 == 0
                ? $"association=true&id={result.Id}"
                : $"widgetIds=[\"{result.Id}\"]";
            Assert.Equal(expected, result.Envelope.GetProperty("requestId").GetString());
        }

        Assert.Equal(before + 200, _sandbox.RequestCount);
    }

    [Fact]
    public async Task Page_without_example_gets_a_minimal_envelope_echoing_no_parameters()
    {
        var (response, _, envelope) = await Client.SendAsync(() => new RequestSigner().Get(NotesPath));

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(200, envelope.GetProperty("statusCode").GetInt32());
        Assert.Equal(string.Empty, envelope.GetProperty("requestId").GetString());
        Assert.False(envelope.TryGetProperty("data", out _));
    }

    [Fact]
    public async Task Echo_adds_a_request_id_to_an_example_that_has_none()
    {
        var (_, text, _) = await Client.SendAsync(
            () => new RequestSigner().Body(HttpMethod.Post, FlagsPath, """{"note":"n \"quoted\" & more"}"""));

        Assert.Equal("""{"requestId":"note=n \"quoted\" & more","statusCode":200,"data":{"on":true}}""", text);
    }
}
