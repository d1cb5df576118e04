using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Xunit;
using Xunit.Abstractions;

namespace Authing.Generated.Tests.Corpus;

/// <summary>
/// For each request the official Node.js SDK sent (<c>../shared/vectors/wire-samples.json</c>), the generated method
/// called with the same arguments sends the same query pairs or JSON body, given the recorded HTTP method.
/// </summary>
public class WireTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Generated_methods_send_what_the_official_sdk_sent()
    {
        var records = LoadRecords();
        var pages = records.Select(r => r.PagePath).Distinct(StringComparer.Ordinal).ToArray();
        var metadata = records.GroupBy(r => r.PagePath).ToDictionary(
            g => g.Key,
            g => (IDictionary<string, string>)new Dictionary<string, string> { ["build_metadata.AdditionalFiles.AuthingHttpMethod"] = g.First().Method });
        var client = CompiledClient.Build(CorpusPages.Load(pages), new TestOptionsProvider(perFile: metadata));
        await using var server = await CaptureServer.StartAsync();
        var instance = client.CreateClient(new AuthingClientOptions
        {
            AccessKeyId = "wire-key", AccessKeySecret = "wire-secret", Host = server.Address, MaxRetryAttempts = 0,
        });

        var failures = new List<string>();
        var sdkExtras = new List<string>();
        var sdkDefects = new List<string>();
        foreach (var record in records)
        {
            var operation = client.Catalog.Operations.Single(o => o.SourcePage == Path.GetFileName(record.PagePath));
            var args = record.Args.Count == 0 && operation.RequestTypeName is null ? null : Encoding.UTF8.GetBytes(record.Args.ToJsonString());
            await client.Call(instance, operation.MethodName, args);
            var sent = server.Last!;

            var argNames = new HashSet<string>(record.Args.Select(a => a.Key), StringComparer.Ordinal);
            Check(failures, record.Slug, "method", record.Method, sent.Method);
            if (record.Path.StartsWith("/api/v3/", StringComparison.Ordinal))
            {
                Check(failures, record.Slug, "path", record.Path, sent.Path);
            }
            else
            {
                // Every operation lives under /api/v3/; an SDK path without it is the SDK's defect, not a rule to copy.
                sdkDefects.Add($"{record.Slug}: the SDK sent the path {record.Path}; ours is {sent.Path}");
            }

            var bodyInQuery = record.Method != "GET" && record.Body is null && record.Query.Count > 0;
            if (bodyInQuery)
            {
                // The wire rule sends a JSON body for every method but GET; the SDK put these in its query string.
                sdkDefects.Add($"{record.Slug}: the SDK sent {record.Method} parameters in the query ({Format(record.Query)}); ours go in a JSON body");
                var actual = sent.Body is null ? null : JsonNode.Parse(sent.Body);
                if (!JsonNode.DeepEquals(record.Args, actual))
                {
                    failures.Add($"{record.Slug}: body{Environment.NewLine}  args: {record.Args.ToJsonString()}{Environment.NewLine}  ours: {actual?.ToJsonString()}");
                }

                continue;
            }

            // Parameter order in a query carries no meaning (the signature sorts them); repeated values keep theirs.
            var expectedQuery = record.Query.Where(p => argNames.Contains(BaseName(p.Key))).OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
            sdkExtras.AddRange(record.Query.Where(p => !argNames.Contains(BaseName(p.Key))).Select(p => record.Slug + ": query " + p.Key));
            Check(failures, record.Slug, "query", Format(expectedQuery), Format(sent.Query.OrderBy(p => p.Key, StringComparer.Ordinal)));
            if (record.Body is JsonObject body)
            {
                var expected = new JsonObject(body.Where(p => argNames.Contains(p.Key)).Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())));
                sdkExtras.AddRange(body.Where(p => !argNames.Contains(p.Key)).Select(p => record.Slug + ": body " + p.Key));
                var actual = sent.Body is null ? null : JsonNode.Parse(sent.Body);
                if (!JsonNode.DeepEquals(expected, actual))
                {
                    failures.Add($"{record.Slug}: body{Environment.NewLine}  sdk: {expected.ToJsonString()}{Environment.NewLine}  ours: {actual?.ToJsonString()}");
                }
            }
            else if (record.Method != "GET")
            {
                Check(failures, record.Slug, "body", "(none)", sent.Body is null or { Length: 0 } ? "(none)" : sent.Body);
            }
        }

        output.WriteLine($"records: {records.Count}; differences: {failures.Count}; SDK-only defaults left out: {sdkExtras.Count}; SDK defects not copied: {sdkDefects.Count}");
        foreach (var extra in sdkExtras.Concat(sdkDefects))
        {
            output.WriteLine("  " + extra);
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private static string BaseName(string name) => name.EndsWith("[]", StringComparison.Ordinal) ? name[..^2] : name;

    private static string Format(IEnumerable<KeyValuePair<string, string>> pairs) => string.Join("&", pairs.Select(p => p.Key + "=" + p.Value));

    private static void Check(List<string> failures, string slug, string what, string expected, string actual)
    {
        if (!string.Equals(expected, actual, StringComparison.Ordinal))
        {
            failures.Add($"{slug}: {what}{Environment.NewLine}  sdk:  {expected}{Environment.NewLine}  ours: {actual}");
        }
    }

    private static List<WireRecord> LoadRecords()
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(RepositoryPaths.Vectors, "wire-samples.json")));
        var records = new List<WireRecord>();
        foreach (var record in document.RootElement.GetProperty("records").EnumerateArray())
        {
            var sent = record.GetProperty("sent");
            records.Add(new WireRecord(
                record.GetProperty("slug").GetString()!,
                Path.GetFullPath(Path.Combine(RepositoryPaths.Corpus, "zh", record.GetProperty("page").GetString()!)),
                JsonNode.Parse(record.GetProperty("args").GetRawText())!.AsObject(),
                sent.GetProperty("method").GetString()!,
                sent.GetProperty("path").GetString()!,
                sent.GetProperty("query").EnumerateArray().Select(p => KeyValuePair.Create(p[0].GetString()!, p[1].GetString()!)).ToList(),
                sent.GetProperty("body").ValueKind == JsonValueKind.Null ? null : JsonNode.Parse(sent.GetProperty("body").GetRawText())));
        }

        return records;
    }

    private sealed record WireRecord(string Slug, string PagePath, JsonObject Args, string Method, string Path, List<KeyValuePair<string, string>> Query, JsonNode? Body);

    private sealed record Captured(string Method, string Path, List<KeyValuePair<string, string>> Query, string? Body);

    /// <summary>A server on 127.0.0.1 that records the last request and answers with a success envelope.</summary>
    private sealed class CaptureServer : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private CaptureServer(WebApplication app) => _app = app;

        public string Address => _app.Urls.First();

        public Captured? Last { get; private set; }

        public static async Task<CaptureServer> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var app = builder.Build();
            var server = new CaptureServer(app);
            app.Run(async context =>
            {
                using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
                var body = await reader.ReadToEndAsync();
                server.Last = new Captured(context.Request.Method, context.Request.Path.Value!, ParseQuery(context.Request.QueryString.Value), body.Length == 0 ? null : body);
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync("{\"statusCode\":200,\"message\":\"ok\"}");
            });
            await app.StartAsync();
            return server;
        }

        public async ValueTask DisposeAsync() => await _app.DisposeAsync();

        private static List<KeyValuePair<string, string>> ParseQuery(string? query)
        {
            var pairs = new List<KeyValuePair<string, string>>();
            foreach (var part in (query ?? string.Empty).TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var equals = part.IndexOf('=');
                var name = equals < 0 ? part : part[..equals];
                var value = equals < 0 ? string.Empty : part[(equals + 1)..];
                pairs.Add(KeyValuePair.Create(Uri.UnescapeDataString(name.Replace('+', ' ')), Uri.UnescapeDataString(value.Replace('+', ' '))));
            }

            return pairs;
        }
    }
}
