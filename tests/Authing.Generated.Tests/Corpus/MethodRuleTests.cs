using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using Authing.Generated.Generator.Merging;
using Authing.Generated.Generator.Parsing;
using Xunit;
using Xunit.Abstractions;

namespace Authing.Generated.Tests.Corpus;

/// <summary>How often the documented HTTP-method rule agrees with the methods the official SDK used.</summary>
public class MethodRuleTests(ITestOutputHelper output)
{
    [Fact]
    public void Rule_agrees_with_the_official_sdk_on_most_recorded_requests()
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(RepositoryPaths.Vectors, "wire-samples.json")));
        var englishPages = Directory.GetFiles(Path.Combine(RepositoryPaths.Corpus, "en"), "*.md", SearchOption.AllDirectories)
            .GroupBy(Path.GetFileName)
            .ToDictionary(g => g.Key!, g => g.First(), StringComparer.Ordinal);
        int total = 0, agree = 0, englishTotal = 0, englishAgree = 0;

        foreach (var record in document.RootElement.GetProperty("records").EnumerateArray())
        {
            var recorded = record.GetProperty("sent").GetProperty("method").GetString();
            var chinese = Path.Combine(RepositoryPaths.Corpus, "zh", record.GetProperty("page").GetString()!);
            var ruled = HttpMethodRule.Method(PageParser.Parse(chinese, File.ReadAllText(chinese), null, CancellationToken.None));
            total++;
            agree += ruled == recorded ? 1 : 0;
            if (ruled != recorded)
            {
                output.WriteLine($"zh {Path.GetFileName(chinese)}: rule says {ruled}, the SDK sent {recorded}");
            }

            if (englishPages.TryGetValue(Path.GetFileName(chinese), out var english))
            {
                var englishRuled = HttpMethodRule.Method(PageParser.Parse(english, File.ReadAllText(english), null, CancellationToken.None));
                englishTotal++;
                englishAgree += englishRuled == recorded ? 1 : 0;
                if (englishRuled != recorded)
                {
                    output.WriteLine($"en {Path.GetFileName(english)}: rule says {englishRuled}, the SDK sent {recorded}");
                }
            }
        }

        output.WriteLine($"Chinese pages: {agree} of {total} agree ({100.0 * agree / total:F1}%)");
        output.WriteLine($"English twins: {englishAgree} of {englishTotal} agree ({100.0 * englishAgree / englishTotal:F1}%)");
        Assert.True(agree * 10 >= total * 9, $"the rule agrees on only {agree} of {total}");
    }
}
