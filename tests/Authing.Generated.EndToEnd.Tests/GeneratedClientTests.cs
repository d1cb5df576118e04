using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Authing.Generated.Runtime;
using Authing.Generated.Sandbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace Authing.Generated.EndToEnd.Tests;

/// <summary>The client generated from the project's pages, calling the sandbox over real loopback HTTP.</summary>
public class GeneratedClientTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    private static readonly AssociationExtIdpDto Seed = new() { Association = true, Id = "60b49eb83fd80adb96f26e68" };

    [Fact]
    public async Task Seed_operation_returns_the_page_example_as_typed_values()
    {
        using var client = new ManagementClient(fixture.Options());

        var result = await client.AssociationExtIdpAsync(Seed);

        Assert.Equal(200, result.StatusCode);
        Assert.True(result.Data!.Success);
        var example = JsonNode.Parse(ExampleOf("association-ext-idp.md"));
        Assert.True(JsonNode.DeepEquals(example, Written(result)), Written(result)!.ToJsonString());
    }

    [Fact]
    public async Task A_wrong_secret_surfaces_as_an_api_exception_without_data()
    {
        using var client = new ManagementClient(fixture.Options(secret: "not-the-secret"));

        var error = await Assert.ThrowsAsync<AuthingApiException>(() => client.AssociationExtIdpAsync(Seed));

        Assert.Equal(401, error.StatusCode);
        Assert.Equal(AuthingSandboxApiCodes.SignatureMismatch, error.ApiCode);
        Assert.False(string.IsNullOrEmpty(error.RequestId));
        Assert.DoesNotContain("not-the-secret", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_key_id_surfaces_as_an_api_exception()
    {
        using var client = new ManagementClient(fixture.Options(keyId: "someone-else"));

        var error = await Assert.ThrowsAsync<AuthingApiException>(() => client.AssociationExtIdpAsync(Seed));

        Assert.Equal(401, error.StatusCode);
    }

    [Fact]
    public async Task A_missing_required_value_is_refused_before_anything_is_sent()
    {
        using var client = new ManagementClient(fixture.Options(fixture.EchoSandbox));
        var before = fixture.EchoSandbox.RequestCount;

        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.AssociationExtIdpAsync(new AssociationExtIdpDto { Association = false, Id = null! }));

        Assert.Contains("'id'", error.Message, StringComparison.Ordinal);
        await Task.Delay(50);
        Assert.Equal(before, fixture.EchoSandbox.RequestCount);
    }

    [Fact]
    public async Task A_cancelled_token_stops_the_call_before_it_is_sent()
    {
        using var client = new ManagementClient(fixture.Options(fixture.EchoSandbox));
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var before = fixture.EchoSandbox.RequestCount;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.AssociationExtIdpAsync(Seed, cancelled.Token));

        Assert.Equal(before, fixture.EchoSandbox.RequestCount);
    }

    [Fact]
    public async Task Cancelling_a_call_to_a_server_that_never_answers_ends_it_promptly()
    {
        await using var hung = await HungServer.StartAsync();
        using var client = new ManagementClient(new AuthingClientOptions
        {
            AccessKeyId = "k", AccessKeySecret = "s", Host = hung.Address, MaxRetryAttempts = 0, Timeout = TimeSpan.FromMinutes(5), AttemptTimeout = TimeSpan.FromMinutes(5),
        });
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.AssociationExtIdpAsync(Seed, cancellation.Token));

        Assert.Equal(cancellation.Token, error.CancellationToken);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), watch.Elapsed.ToString());
    }

    [Fact]
    public async Task Five_hundred_concurrent_calls_on_one_client_each_get_their_own_answer()
    {
        using var client = new ManagementClient(fixture.Options(fixture.EchoSandbox));

        var calls = Enumerable.Range(0, 500).Select(async i =>
        {
            var id = "conn-" + i;
            var tenant = i % 2 == 0 ? "tenant-" + i : null;
            var result = await client.AssociationExtIdpAsync(new AssociationExtIdpDto { Association = i % 3 == 0, Id = id, TenantId = tenant });
            var expected = $"association={(i % 3 == 0 ? "true" : "false")}&id={id}" + (tenant is null ? "" : "&tenantId=" + tenant);
            return (expected, actual: result.RequestId);
        });

        var results = await Task.WhenAll(calls);

        Assert.All(results, r => Assert.Equal(r.expected, r.actual));
    }

    [Fact]
    public async Task A_query_operation_sends_arrays_and_enums_and_reads_unlisted_enum_values()
    {
        using var client = new ManagementClient(fixture.Options(fixture.EchoSandbox));

        var result = await client.ListWidgetsAsync(new ListWidgetsDto
        {
            WorkshopIds = new[] { "w1", "w 2" },
            Colour = ListWidgetsDtoColour.DarkBlue,
            Page = 2,
            WithParts = false,
        });

        Assert.Equal("colour=dark-blue&page=2&withParts=false&workshopIds=[\"w1\",\"w 2\"]", result.RequestId);
        var widgets = result.Data!;
        Assert.Equal(2, widgets.Count);
        Assert.Equal(WidgetDtoColour.DarkBlue, widgets[0].Colour);
        Assert.True(widgets[0].Colour!.Value.IsKnown);
        Assert.Equal(2.5, widgets[0].Weight);
        Assert.Equal("ultraviolet", widgets[1].Colour!.Value.Value);
        Assert.False(widgets[1].Colour!.Value.IsKnown);
    }

    [Fact]
    public async Task Per_call_tenant_and_language_are_signed_and_accepted()
    {
        using var client = new ManagementClient(fixture.Options());

        var result = await client.With(new AuthingCallOptions { TenantId = "tenant-42", Lang = "en-US" }).AssociationExtIdpAsync(Seed);

        Assert.True(result.Data!.Success);
    }

    [Fact]
    public async Task Dependency_injection_binds_the_authing_section_and_calls_the_sandbox()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Authing:AccessKeyId"] = SandboxFixture.AccessKeyId,
            ["Authing:AccessKeySecret"] = SandboxFixture.AccessKeySecret,
            ["Authing:Host"] = fixture.Sandbox.BaseAddress.ToString(),
        }).Build();
        var services = new ServiceCollection();
        services.AddManagementClient(configuration);
        await using var provider = services.BuildServiceProvider();

        var result = await provider.GetRequiredService<ManagementClient>().AssociationExtIdpAsync(Seed);

        Assert.True(result.Data!.Success);
    }

    [Fact]
    public void Dependency_injection_names_a_missing_setting()
    {
        var services = new ServiceCollection();
        services.AddManagementClient(options => options.AccessKeyId = "only-the-key");
        using var provider = services.BuildServiceProvider();

        var error = Assert.ThrowsAny<Exception>(() => provider.GetRequiredService<ManagementClient>());

        Assert.Contains("AccessKeySecret", error.Message, StringComparison.Ordinal);
    }

    private static JsonNode? Written(IAuthingJsonValue value)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = AuthingJson.CreateWriter(buffer))
        {
            value.WriteJson(writer);
        }

        return JsonNode.Parse(buffer.WrittenSpan);
    }

    private static string ExampleOf(string page)
    {
        var text = File.ReadAllText(Path.Combine(SandboxFixture.SpecsDirectory, page));
        var start = text.IndexOf("```json", StringComparison.Ordinal) + "```json".Length;
        var end = text.IndexOf("```", start, StringComparison.Ordinal);
        return text[start..end];
    }

    /// <summary>A server on 127.0.0.1 that accepts requests and never answers them.</summary>
    private sealed class HungServer : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private HungServer(WebApplication app, string address)
        {
            _app = app;
            Address = address;
        }

        public string Address { get; }

        public static async Task<HungServer> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var app = builder.Build();
            app.Run(async context => await Task.Delay(Timeout.Infinite, context.RequestAborted));
            await app.StartAsync();
            var address = app.Urls.First();
            return new HungServer(app, address);
        }

        public async ValueTask DisposeAsync() => await _app.DisposeAsync();
    }
}
