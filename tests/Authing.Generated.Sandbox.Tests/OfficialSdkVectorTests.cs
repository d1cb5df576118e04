using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Authing.Generated.Runtime;
using Xunit;

namespace Authing.Generated.Sandbox.Tests;

/// <summary>
/// Replays the signature vectors computed with the official Node.js SDK: each request, with the SDK's own
/// authorization header, must be accepted, and the parameters the sandbox rebuilt must be exactly the SDK's.
/// </summary>
public sealed class OfficialSdkVectorTests
{
    [Fact]
    public async Task Every_official_sdk_signature_is_accepted_with_the_same_signed_parameters()
    {
        using JsonDocument vectors = JsonDocument.Parse(File.ReadAllText(RepositoryFolders.SignatureVectors));
        var cases = vectors.RootElement.GetProperty("vectors").EnumerateArray().ToList();
        Assert.NotEmpty(cases);
        JsonElement first = cases[0];
        DateTimeOffset signedAt = DateTimeOffset.ParseExact(
            first.GetProperty("headers").GetProperty("date").GetString()!, "r", CultureInfo.InvariantCulture);

        using var pages = new PageFolder();
        foreach (string path in cases.Select(c => c.GetProperty("path").GetString()!).Distinct())
        {
            string slug = path["/api/v3/".Length..];
            pages.Write(slug + ".md", TestPages.WithoutExample("Vector page " + slug));
        }

        await using AuthingSandbox sandbox = await AuthingSandbox.StartAsync(new AuthingSandboxOptions
        {
            AccessKeyId = first.GetProperty("accessKeyId").GetString()!,
            AccessKeySecret = first.GetProperty("accessKeySecret").GetString()!,
            PagePaths = [pages.Path],
            EchoRequest = true,
            TimeProvider = new FixedClock(signedAt.AddMinutes(3)),
        });
        using HttpClient client = SandboxClient.For(sandbox);

        var failures = new List<string>();
        foreach (JsonElement vector in cases)
        {
            string stringToSign = vector.GetProperty("stringToSign").GetString()!;
            int question = stringToSign.IndexOf('?', stringToSign.LastIndexOf("\n/", StringComparison.Ordinal));
            string expected = question < 0 ? string.Empty : stringToSign[(question + 1)..];

            var (_, text, envelope) = await client.SendAsync(() => Replay(vector));
            if (envelope.GetProperty("statusCode").GetInt32() != 200
                || envelope.GetProperty("requestId").GetString() != expected)
            {
                failures.Add(vector.GetProperty("path").GetString() + ": " + text);
            }
        }

        Assert.Empty(failures);
    }

    /// <summary>The vector's request as the SDK sends it: its headers, its parameters as query or JSON body.</summary>
    private static HttpRequestMessage Replay(JsonElement vector)
    {
        string method = vector.GetProperty("method").GetString()!;
        string path = vector.GetProperty("path").GetString()!;
        JsonElement parameters = vector.GetProperty("params");
        HttpRequestMessage request;
        if (method == "GET")
        {
            var query = new List<string>();
            foreach (JsonProperty field in parameters.EnumerateObject())
            {
                if (field.Value.ValueKind == JsonValueKind.Array)
                {
                    query.AddRange(field.Value.EnumerateArray().Select(element => Pair(field.Name + "[]", element)));
                }
                else
                {
                    query.Add(Pair(field.Name, field.Value));
                }
            }

            string target = query.Count == 0 ? path : path + "?" + string.Join('&', query);
            request = new HttpRequestMessage(HttpMethod.Get, target);
        }
        else
        {
            request = new HttpRequestMessage(new HttpMethod(method), path)
            {
                Content = new StringContent(parameters.GetRawText(), Encoding.UTF8, "application/json"),
            };
        }

        foreach (JsonProperty header in vector.GetProperty("headers").EnumerateObject())
        {
            if (header.Name != "content-type")
            {
                request.Headers.TryAddWithoutValidation(header.Name, header.Value.GetString());
            }
        }

        request.Headers.TryAddWithoutValidation(
            AuthingHeaders.Authorization, vector.GetProperty("authorization").GetString());
        return request;
    }

    private static string Pair(string name, JsonElement value) =>
        Uri.EscapeDataString(name) + "=" + Uri.EscapeDataString(AuthingSignature.GetSigningText(value));
}
