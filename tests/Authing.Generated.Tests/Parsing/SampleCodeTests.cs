using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using Authing.Generated.Generator.Model;
using Authing.Generated.Generator.Parsing;
using Xunit;

namespace Authing.Generated.Tests.Parsing;

/// <summary>The sample-code section, whatever its language, does not change what a page means.</summary>
public class SampleCodeTests
{
    private static readonly Regex SampleSection = new(@"## (示例代码|Sample code)[ \t]*\n.*?(?=\n## )", RegexOptions.Singleline);

    private const string HostileSample =
        "## 示例代码\n\n```csharp\n| name | type |\n| ---- | ---- |\n| evil | string |\n\n## 请求响应\n\n类型： `Evil`\n```\n\n" +
        "```json\n{\"statusCode\": 500}\n```\n";

    public static TheoryData<string> PagesWithSampleCode()
    {
        var data = new TheoryData<string>();
        foreach (var folder in new[] { "zh-other-languages", Path.Combine("zh", "management", "管理身份源") })
        {
            foreach (var path in Directory.GetFiles(Path.Combine(RepositoryPaths.Corpus, folder), "*.md", SearchOption.AllDirectories).OrderBy(p => p, StringComparer.Ordinal))
            {
                if (SampleSection.IsMatch(File.ReadAllText(path)))
                {
                    data.Add(Path.GetRelativePath(RepositoryPaths.Corpus, path));
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PagesWithSampleCode))]
    public void Removing_or_replacing_the_sample_code_changes_nothing(string relativePath)
    {
        var original = File.ReadAllText(Path.Combine(RepositoryPaths.Corpus, relativePath));
        var removed = SampleSection.Replace(original, "## 示例代码\n", 1);
        var replaced = SampleSection.Replace(original, HostileSample.Replace("$", "$$"), 1);

        var expected = Meaning(original);
        Assert.Equal(expected, Meaning(removed));
        Assert.Equal(expected, Meaning(replaced));
    }

    [Fact]
    public void Every_other_language_is_covered()
    {
        var languages = PagesWithSampleCode()
            .Cast<object[]>()
            .Select(row => ((string)row[0]).Replace('\\', '/').Split('/'))
            .Where(parts => parts[0] == "zh-other-languages")
            .Select(parts => parts[1])
            .Distinct()
            .OrderBy(l => l, StringComparer.Ordinal);

        Assert.Equal(new[] { "csharp", "go", "java", "node", "php" }, languages);
    }

    /// <summary>What the generator takes from a page, without the line numbers that moving text shifts.</summary>
    private static string Meaning(string text)
    {
        var page = PageParser.Parse("/page.md", text, null, CancellationToken.None);
        var parts = new List<string>
        {
            page.Title, page.Description, page.MethodName ?? "-", page.ClientName ?? "-", page.RequestLayout.ToString(),
            page.ExampleJson ?? "-", page.Response?.Name ?? "-", string.Join(",", page.Diagnostics.Select(d => d.Id)),
        };
        parts.AddRange(Fields(page.RequestFields));
        parts.AddRange(Fields(page.Response?.Fields ?? EquatableArray<FieldModel>.Empty));
        foreach (var structure in page.Structures)
        {
            parts.Add(structure.Name);
            parts.AddRange(Fields(structure.Fields));
        }

        return string.Join("\n", parts);
    }

    private static IEnumerable<string> Fields(EquatableArray<FieldModel> fields) =>
        fields.Select(f => $"{f.JsonName}|{f.Type}|{f.Required}|{f.Description}|{f.DefaultValue}|{f.Example}|{string.Join(";", f.EnumValues.Select(v => v.Value + "=" + v.Description))}");
}
