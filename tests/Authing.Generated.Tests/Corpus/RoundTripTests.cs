using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using Authing.Generated.Generator.Naming;
using Authing.Generated.Generator.Parsing;
using Authing.Generated.Runtime;
using Xunit;
using Xunit.Abstractions;

namespace Authing.Generated.Tests.Corpus;

/// <summary>
/// Every page's example result is read into its generated response type. An example that contradicts its own
/// table is listed with the page and the JSON path; every other one must read, and writing the typed value back
/// must reproduce each field the example has and the table knows.
/// </summary>
public class RoundTripTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_example_result_reads_into_its_response_type_or_is_listed_with_its_json_path()
    {
        var client = CompiledClient.Build(CorpusPages.Load(CorpusPages.Paths));
        var typeNames = new HashSet<string>(client.Catalog.Objects.Select(o => o.Name), StringComparer.Ordinal);
        var read = 0;
        var contradictions = new List<string>();
        var notJson = new List<string>();

        foreach (var path in CorpusPages.Paths)
        {
            var page = PageParser.Parse(path, File.ReadAllText(path), null, CancellationToken.None);
            if (!page.IsOperation || page.ExampleJson is null)
            {
                continue;
            }

            var label = Path.GetRelativePath(RepositoryPaths.Corpus, path);
            JsonNode? example;
            try
            {
                example = JsonNode.Parse(page.ExampleJson);
            }
            catch (JsonException e)
            {
                notJson.Add($"{label}: {e.Message}");
                continue;
            }

            var rawName = page.Response is { Name.Length: > 0 } response ? response.Name : Identifiers.ToPascal(page.MethodName ?? page.Slug, "Call") + "RespDto";
            var typeName = typeNames.Contains(rawName) ? rawName : Identifiers.ToTypeName(rawName);
            Assert.True(typeNames.Contains(typeName), $"{label}: no generated type {typeName}");

            object value;
            try
            {
                value = client.Read(typeName, Encoding.UTF8.GetBytes(page.ExampleJson));
            }
            catch (AuthingSerializationException e)
            {
                Assert.StartsWith("$", e.JsonPath, StringComparison.Ordinal);
                contradictions.Add($"{label}: {e.JsonPath}: {e.Problem}");
                continue;
            }

            read++;
            var written = Write((IAuthingJsonValue)value);
            AssertSubset(example, written, "$", label);
        }

        output.WriteLine($"examples read: {read}; contradicting their table: {contradictions.Count}; not JSON: {notJson.Count}");
        foreach (var line in contradictions.Concat(notJson))
        {
            output.WriteLine(line);
        }

        Assert.True(read > 0, "no example was read");
    }

    /// <summary>Everything the typed value writes back was in the example, with the same value.</summary>
    private static void AssertSubset(JsonNode? example, JsonNode? written, string path, string page)
    {
        switch (written)
        {
            case JsonObject writtenObject:
                var exampleObject = Assert.IsType<JsonObject>(example);
                foreach (var (name, value) in writtenObject)
                {
                    Assert.True(exampleObject.ContainsKey(name), $"{page}: {path}.{name} was written but is not in the example");
                    AssertSubset(exampleObject[name], value, path + "." + name, page);
                }

                break;
            case JsonArray writtenArray:
                // The readers accept the pages' two other spellings of an array: one lone element, or JSON in a string.
                var exampleArray = example switch
                {
                    JsonArray array => array,
                    JsonObject single => new JsonArray(single.DeepClone()),
                    JsonValue text when text.GetValueKind() == JsonValueKind.String => Assert.IsType<JsonArray>(JsonNode.Parse(text.GetValue<string>())),
                    _ => throw new Xunit.Sdk.XunitException($"{page}: {path} was written as an array but the example has {example?.ToJsonString()}"),
                };
                Assert.Equal(exampleArray.Count, writtenArray.Count);
                for (var i = 0; i < writtenArray.Count; i++)
                {
                    AssertSubset(exampleArray[i], writtenArray[i], $"{path}[{i}]", page);
                }

                break;
            case JsonValue writtenValue when writtenValue.GetValueKind() == JsonValueKind.Number:
                Assert.True(example is JsonValue e && e.GetValueKind() == JsonValueKind.Number && e.GetValue<double>() == writtenValue.GetValue<double>(), $"{page}: {path} number differs");
                break;
            default:
                Assert.True(JsonNode.DeepEquals(example, written), $"{page}: {path} differs: {example?.ToJsonString()} vs {written?.ToJsonString()}");
                break;
        }
    }

    private static JsonNode? Write(IAuthingJsonValue value)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = AuthingJson.CreateWriter(buffer))
        {
            value.WriteJson(writer);
        }

        return JsonNode.Parse(buffer.WrittenSpan);
    }
}
