using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Xunit;

namespace Authing.Generated.Sandbox.Tests;

/// <summary>The seed page served over loopback: what a signed request gets, and what each bad one gets.</summary>
public sealed class SignatureVerificationTests : IClassFixture<SeedPageSandbox>, IDisposable
{
    private const string Path = "/api/v3/association-ext-idp";
    private const string ValidBody = """{"id":"60b49eb83fd80adb96f26e68","association":true,"tenantId":"t-1"}""";

    private readonly AuthingSandbox _sandbox;
    private readonly HttpClient _client;

    public SignatureVerificationTests(SeedPageSandbox fixture)
    {
        _sandbox = fixture.Sandbox;
        _client = SandboxClient.For(_sandbox);
    }

    public void Dispose() => _client.Dispose();

    [Fact]
    public void Listing_names_the_seed_operation_with_the_method_of_its_page()
    {
        Assert.Contains("POST " + Path, _sandbox.Operations);
        Assert.Equal(IPAddress.Loopback.ToString(), _sandbox.BaseAddress.Host);
        Assert.NotEqual(0, _sandbox.BaseAddress.Port);
    }

    [Fact]
    public async Task Signed_post_gets_the_example_result_of_the_page_verbatim()
    {
        var (response, text, envelope) =
            await _client.SendAsync(() => new RequestSigner().Body(HttpMethod.Post, Path, ValidBody));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(ExampleOfSeedPage(), text);
        Assert.Equal(200, envelope.GetProperty("statusCode").GetInt32());
        Assert.True(envelope.GetProperty("data").GetProperty("success").GetBoolean());
    }

    [Fact]
    public async Task Wrong_secret_is_refused_with_401_and_no_data()
    {
        var (response, _, envelope) = await _client.SendAsync(
            () => new RequestSigner { Secret = "not-the-secret" }.Body(HttpMethod.Post, Path, ValidBody));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertRefused(envelope, 401, AuthingSandboxApiCodes.SignatureMismatch, "signature");
    }

    [Fact]
    public async Task Wrong_access_key_id_is_refused_with_401()
    {
        var (_, _, envelope) = await _client.SendAsync(
            () => new RequestSigner { KeyId = "someone-else" }.Body(HttpMethod.Post, Path, ValidBody));

        AssertRefused(envelope, 401, AuthingSandboxApiCodes.UnknownAccessKey, "access key");
    }

    [Fact]
    public async Task Missing_authorization_is_refused_with_401()
    {
        var (_, _, envelope) = await _client.SendAsync(
            () => new RequestSigner { SendAuthorization = false }.Body(HttpMethod.Post, Path, ValidBody));

        AssertRefused(envelope, 401, AuthingSandboxApiCodes.MissingAuthorization, "authorization");
    }

    [Fact]
    public async Task Tampered_body_no_longer_matches_its_signature()
    {
        var (_, _, envelope) = await _client.SendAsync(() =>
        {
            HttpRequestMessage request = new RequestSigner().Body(HttpMethod.Post, Path, ValidBody);
            request.Content = new StringContent(ValidBody.Replace("t-1", "t-2", StringComparison.Ordinal));
            return request;
        });

        AssertRefused(envelope, 401, AuthingSandboxApiCodes.SignatureMismatch, "signature");
    }

    [Theory]
    [InlineData(-20)]
    [InlineData(20)]
    public async Task Date_twenty_minutes_off_is_refused_with_400(int minutes)
    {
        var (_, _, envelope) = await _client.SendAsync(
            () => new RequestSigner { DateOffset = TimeSpan.FromMinutes(minutes) }
                .Body(HttpMethod.Post, Path, ValidBody));

        AssertRefused(envelope, 400, AuthingSandboxApiCodes.DateOutOfRange, "date");
    }

    [Fact]
    public async Task Date_within_the_allowed_skew_is_accepted()
    {
        var (_, _, envelope) = await _client.SendAsync(
            () => new RequestSigner { DateOffset = TimeSpan.FromMinutes(-10) }.Body(HttpMethod.Post, Path, ValidBody));

        Assert.Equal(200, envelope.GetProperty("statusCode").GetInt32());
    }

    [Fact]
    public async Task Missing_date_is_refused_with_400()
    {
        var (_, _, envelope) = await _client.SendAsync(
            () => new RequestSigner { DateOffset = null }.Body(HttpMethod.Post, Path, ValidBody));

        AssertRefused(envelope, 400, AuthingSandboxApiCodes.InvalidDate, "date");
    }

    [Fact]
    public async Task Missing_required_id_is_refused_with_400_naming_it()
    {
        var (_, _, envelope) = await _client.SendAsync(
            () => new RequestSigner().Body(HttpMethod.Post, Path, """{"association":false}"""));

        AssertRefused(envelope, 400, AuthingSandboxApiCodes.MissingParameter, "id");
        Assert.Equal("Missing required parameter: id", envelope.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Required_parameter_sent_as_null_counts_as_missing()
    {
        var (_, _, envelope) = await _client.SendAsync(
            () => new RequestSigner().Body(HttpMethod.Post, Path, """{"association":null,"id":null}"""));

        Assert.Equal("Missing required parameters: association, id", envelope.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("[1,2]")]
    [InlineData("\"text\"")]
    [InlineData("{not json")]
    public async Task Body_that_is_not_a_json_object_is_refused_with_400(string body)
    {
        var (_, _, envelope) = await _client.SendAsync(() => new RequestSigner().RawBody(Path, body));

        AssertRefused(envelope, 400, AuthingSandboxApiCodes.BodyNotJsonObject, "JSON object");
    }

    [Fact]
    public async Task Unknown_path_is_404_with_an_envelope_naming_it()
    {
        var (response, _, envelope) = await _client.SendAsync(
            () => new RequestSigner().Body(HttpMethod.Post, "/api/v3/no-such-operation", "{}"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        AssertRefused(envelope, 404, AuthingSandboxApiCodes.UnknownPath, "/api/v3/no-such-operation");
    }

    [Fact]
    public async Task Refusals_carry_a_fresh_request_id_each()
    {
        var signer = new RequestSigner { Secret = "wrong" };
        var (_, _, first) = await _client.SendAsync(() => signer.Body(HttpMethod.Post, Path, ValidBody));
        var (_, _, second) = await _client.SendAsync(() => signer.Body(HttpMethod.Post, Path, ValidBody));

        Assert.NotEqual(first.GetProperty("requestId").GetString(), second.GetProperty("requestId").GetString());
    }

    private static void AssertRefused(JsonElement envelope, int statusCode, int apiCode, string messagePart)
    {
        Assert.Equal(statusCode, envelope.GetProperty("statusCode").GetInt32());
        Assert.Equal(apiCode, envelope.GetProperty("apiCode").GetInt32());
        Assert.Contains(messagePart, envelope.GetProperty("message").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.False(string.IsNullOrEmpty(envelope.GetProperty("requestId").GetString()));
        Assert.NotEqual("934108e5-9fbf-4d24-8da1-c330328abd6c", envelope.GetProperty("requestId").GetString());
        Assert.False(envelope.TryGetProperty("data", out _));
    }

    /// <summary>The fenced JSON block of the seed page, read straight from the file.</summary>
    private static string ExampleOfSeedPage()
    {
        string page = File.ReadAllText(RepositoryFolders.SeedPage).Replace("\r\n", "\n", StringComparison.Ordinal);
        Match block = Regex.Match(page, "```json\n(?<json>.*?)\n```", RegexOptions.Singleline);
        Assert.True(block.Success, "The seed page has no example result.");
        return block.Groups["json"].Value;
    }
}
