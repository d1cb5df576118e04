using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Authing.Generated.Sandbox.Tests;

/// <summary>What the sandbox does with pages it cannot use, and what it logs.</summary>
public sealed class PageLoadingTests
{
    [Fact]
    public async Task Unusable_pages_are_skipped_with_a_warning_and_the_sandbox_still_starts()
    {
        using var pages = new PageFolder();
        pages.WriteBytes("broken-encoding.md", [0x23, 0x20, 0xC3, 0x28, 0xFF, 0x0A]);
        pages.Write("empty-page.md", "   \n");
        pages.Write("concept/about-widgets.md", TestPages.Concept);
        pages.Write("notes.txt", "not a page");
        var capture = new LogCapture();
        using ILoggerFactory loggerFactory = capture.CreateFactory();

        await using AuthingSandbox sandbox = await AuthingSandbox.StartAsync(new AuthingSandboxOptions
        {
            AccessKeyId = RequestSigner.AccessKeyId,
            AccessKeySecret = RequestSigner.AccessKeySecret,
            PagePaths = [pages.Path, System.IO.Path.Combine(pages.Path, "missing-folder")],
            LoggerFactory = loggerFactory,
        });

        Assert.Empty(sandbox.Operations);
        var warnings = capture.Entries
            .Where(entry => entry.Level == LogLevel.Warning)
            .Select(entry => entry.Message)
            .ToList();
        Assert.Contains(warnings, message => message.Contains("broken-encoding.md", StringComparison.Ordinal));
        Assert.Contains(warnings, message => message.Contains("empty-page.md", StringComparison.Ordinal));
        Assert.Contains(warnings, message => message.Contains("missing-folder", StringComparison.Ordinal));
        Assert.DoesNotContain(warnings, message => message.Contains("about-widgets.md", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Example_that_is_not_json_gives_a_minimal_envelope_and_a_warning()
    {
        using var pages = new PageFolder();
        string page = TestPages.WithExample("Broken example", """{"statusCode": 200, oops}""");
        pages.Write("sandbox-broken-example.md", page);
        var capture = new LogCapture();
        using ILoggerFactory loggerFactory = capture.CreateFactory();
        await using AuthingSandbox sandbox = await AuthingSandbox.StartAsync(new AuthingSandboxOptions
        {
            AccessKeyId = RequestSigner.AccessKeyId,
            AccessKeySecret = RequestSigner.AccessKeySecret,
            PagePaths = [pages.Path],
            LoggerFactory = loggerFactory,
        });
        using HttpClient client = SandboxClient.For(sandbox);

        var (_, _, envelope) = await client.SendAsync(
            () => new RequestSigner().Body(HttpMethod.Post, "/api/v3/sandbox-broken-example", "{}"));

        Assert.Equal(200, envelope.GetProperty("statusCode").GetInt32());
        Assert.False(string.IsNullOrEmpty(envelope.GetProperty("requestId").GetString()));
        Assert.Contains(
            capture.Entries,
            entry => entry.Level == LogLevel.Warning
                && entry.Message.Contains("sandbox-broken-example.md", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Requests_are_logged_at_debug_without_the_secret_or_the_signature()
    {
        var capture = new LogCapture();
        using ILoggerFactory loggerFactory = capture.CreateFactory();
        await using AuthingSandbox sandbox = await AuthingSandbox.StartAsync(new AuthingSandboxOptions
        {
            AccessKeyId = RequestSigner.AccessKeyId,
            AccessKeySecret = RequestSigner.AccessKeySecret,
            PagePaths = [RepositoryFolders.SeedPage],
            LoggerFactory = loggerFactory,
        });
        using HttpClient client = SandboxClient.For(sandbox);
        const string path = "/api/v3/association-ext-idp";

        using HttpRequestMessage good =
            new RequestSigner().Body(HttpMethod.Post, path, """{"id":"x","association":true}""");
        string authorization = good.Headers.Authorization!.ToString();
        (await client.SendAsync(good)).Dispose();
        using HttpRequestMessage bad = new RequestSigner { Secret = "wrong" }.Body(HttpMethod.Post, path, "{}");
        (await client.SendAsync(bad)).Dispose();

        var requests = capture.Entries
            .Where(entry => entry.Level == LogLevel.Debug && entry.Category == typeof(AuthingSandbox).FullName)
            .Select(entry => entry.Message)
            .ToList();
        Assert.Contains(
            requests, message => message.StartsWith("POST " + path + " -> 200 served", StringComparison.Ordinal));
        Assert.Contains(requests, message => message.Contains("refused 401", StringComparison.Ordinal));
        string signature = authorization[(authorization.LastIndexOf(':') + 1)..];
        foreach (var entry in capture.Entries)
        {
            Assert.DoesNotContain(RequestSigner.AccessKeySecret, entry.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(signature, entry.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Options_without_a_key_pair_are_rejected()
    {
        await Assert.ThrowsAsync<ArgumentException>(
            () => AuthingSandbox.StartAsync(new AuthingSandboxOptions { AccessKeyId = "ak", AccessKeySecret = "" }));
    }
}
