using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Xunit;
using static Authing.Generated.Tests.HostilePages;

namespace Authing.Generated.Tests.Generation;

/// <summary>Pages built to break the generator: each compiles cleanly or is diagnosed, and nothing throws.</summary>
public class HostilePageTests
{
    [Fact]
    public void Keywords_and_odd_names_become_valid_distinct_identifiers()
    {
        var names = new[]
        {
            "class", "namespace", "a-b", "a.b", "with space", "1st", "名字", "userId", "UserId", "KeywordsDto",
            "ToString", "Equals", "GetHashCode", "EqualityContract", "System", "Task", "CancellationToken",
            "value0", "reader", "writer", "builder", "exception", "WriteJson", "ReadJson", "-", "__", "é",
        };
        var page = Page("Keywords", names.Select(n => Row(n, "string")), structures:
            Structure("System", StructureRow("Task", "string"), StructureRow("System", "number")) +
            Structure("Task", StructureRow("CancellationToken", "boolean")) +
            Structure("ManagementClient", StructureRow("x", "string")) +
            Structure("AuthingClientOptions", StructureRow("y", "string")));
        page = page.Replace("| data | <a href=\"#DataDto\">DataDto</a> | Data |",
            "| data | <a href=\"#DataDto\">DataDto</a> | Data |\n| system | <a href=\"#System\">System</a> | S |\n| task | <a href=\"#Task\">Task</a> | T |\n| client | <a href=\"#ManagementClient\">ManagementClient</a> | C |\n| options | <a href=\"#AuthingClientOptions\">AuthingClientOptions</a> | O |");

        var run = AssertCompilesOrDiagnosed(new PageFile("/pages/keywords.md", page));

        var request = run.Declaration("KeywordsDto");
        foreach (var name in names)
        {
            Assert.Contains("builder.AddString(" + Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(name, true), request);
        }
    }

    [Fact]
    public void Descriptions_and_names_cannot_inject_code_or_end_comments()
    {
        var evil = "</summary> */ \"; } class Injected { } // <remarks> &amp; \\ \u2028 public int X; \r\n #error boom";
        var page = Page(
            "Inject \" } class Title { \u2028 #error t",
            new[]
            {
                Row("q\\\"uote", "string", description: evil),
                Row("colour", "string", description: "Colour:<br>- `a\"b`: quote<br>- `c\\d`: slash<br>- `</summary>`: tag<br>- `class`: keyword"),
            });

        var run = AssertCompilesOrDiagnosed(new PageFile("/pages/inject.md", page));

        Assert.DoesNotContain(run.Output.SyntaxTrees.SelectMany(t => t.GetRoot().DescendantNodes()), n =>
            n is Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax c && (c.Identifier.Text == "Injected" || c.Identifier.Text == "Title"));
    }

    [Fact]
    public void Broken_tables_are_reported_at_their_line_and_the_rest_still_generates()
    {
        var page = "# Broken\n\n## Request parameters\n\n| Name | Description |\n| ---- | ---- |\n| a | no type column |\n\n" +
            "## Request Response\n\nType: `BrokenRespDto`\n\n| Name | Type | Description |\n| ---- | ---- | ---- |\n" +
            "| statusCode | number | s |\n| onlyone |\n|  | string | empty name |\n| data | string | d |\n";

        var run = AssertCompilesOrDiagnosed(new PageFile("/pages/broken.md", page), new PageFile("/pages/association-ext-idp.md", SeedText()));

        var table = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "AUTHGEN003");
        Assert.Equal(4, table.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Equal("/pages/broken.md", table.Location.GetLineSpan().Path);
        var rows = run.GeneratorDiagnostics.Where(d => d.Id == "AUTHGEN004").Select(d => d.Location.GetLineSpan().StartLinePosition.Line).ToArray();
        Assert.Equal(new[] { 15, 16 }, rows);
        Assert.NotNull(run.TryDeclaration("AssociationExtIdpAsync"));
    }

    [Fact]
    public void Odd_type_cells_are_read_or_reported()
    {
        var page = Page("Types", new[]
        {
            Row("typo", "str"), Row("unknown", "foo bar"), Row("emptyLink", "<a href=\"#\"></a>"),
            Row("missing", "<a href=\"#MissingDto\">MissingDto</a>"), Row("numbers", "number[]"), Row("blank", ""),
            Row("linkedArray", "<a href=\"#ItemDto\">ItemDto[]</a>"), Row("nested", "array", description: "Items 嵌套类型：<a href=\"#ItemDto\">ItemDto</a>。"),
            Row("untypedArray", "array", example: "`[\"x\",\"y\"]`"), Row("objectArray", "array"),
        }, structures: Structure("ItemDto", StructureRow("id", "string", true)));

        var run = AssertCompilesOrDiagnosed(new PageFile("/pages/types.md", page));

        var request = run.Declaration("TypesDto");
        Assert.Contains("public string? Typo", request);
        Assert.Contains("public global::System.Text.Json.Nodes.JsonNode? Unknown", request);
        Assert.Contains("IReadOnlyList<double>? Numbers", request);
        Assert.Contains("IReadOnlyList<global::Authing.Generated.ItemDto>? LinkedArray", request);
        Assert.Contains("IReadOnlyList<global::Authing.Generated.ItemDto>? Nested", request);
        Assert.Contains("IReadOnlyList<string>? UntypedArray", request);
        Assert.Contains(run.GeneratorDiagnostics, d => d.Id == "AUTHGEN006" && d.GetMessage().Contains("MissingDto"));
        Assert.Contains(run.GeneratorDiagnostics, d => d.Id == "AUTHGEN005" && d.GetMessage().Contains("'str'"));
    }

    [Fact]
    public void Recursive_and_mutually_recursive_types_compile()
    {
        var run = AssertCompilesOrDiagnosed(PageFile.FromDisk(System.IO.Path.Combine(TestPages.Directory, "nested-and-recursive.md")));

        Assert.Contains("IReadOnlyList<global::Authing.Generated.TreeNodeDto>? Children", run.Declaration("TreeNodeDto"));
        Assert.Contains("global::Authing.Generated.PersonDto? Manager", run.Declaration("PersonDto"));
        Assert.Contains("global::Authing.Generated.TreeNodeDto? Node", run.Declaration("PersonDto"));
    }

    [Fact]
    public void Types_used_by_pages_that_disagree_are_emitted_once_and_the_conflict_names_both_pages()
    {
        var first = Page("First", new[] { Row("item", "<a href=\"#SharedDto\">SharedDto</a>") }, "FirstRespDto",
            Structure("SharedDto", StructureRow("id", "string", true), StructureRow("size", "number")));
        var second = Page("Second", new[] { Row("item", "<a href=\"#SharedDto\">SharedDto</a>") }, "SecondRespDto",
            Structure("SharedDto", StructureRow("id", "number", true), StructureRow("colour", "string")));
        var a = new PageFile("/pages/a/first.md", first);
        var b = new PageFile("/pages/b/second.md", second);

        var forward = AssertCompilesOrDiagnosed(a, b);
        var backward = AssertCompilesOrDiagnosed(b, a);

        var conflict = Assert.Single(forward.GeneratorDiagnostics, d => d.Id == "AUTHGEN007" && d.GetMessage().Contains("'SharedDto'"));
        Assert.Contains("a/first.md", conflict.GetMessage());
        Assert.Contains("b/second.md", conflict.GetMessage());
        var shared = forward.Declaration("SharedDto");
        Assert.Contains("public required string? Id", shared);
        Assert.Contains("Colour", shared);
        Assert.Equal(shared, backward.Declaration("SharedDto"));
    }

    [Fact]
    public void Two_pages_claiming_one_method_name_for_different_endpoints_both_stay_callable()
    {
        static string Named(string title) =>
            Page(title, new[] { Row("id", "string", true) }).Replace("A page of our own making.", "## Method name\n\n`ManagementClient.enable_device`\n");

        var run = AssertCompilesOrDiagnosed(
            new PageFile("/pages/enable-device-by-user.md", Named("By user")),
            new PageFile("/pages/enable-device.md", Named("Plain")));

        Assert.Contains("\"/api/v3/enable-device\",", run.Declaration("EnableDeviceAsync"));
        Assert.Contains("\"/api/v3/enable-device-by-user\",", run.Declaration("EnableDeviceByUserAsync"));
        Assert.Contains(run.GeneratorDiagnostics, d => d.Id == "AUTHGEN011" && d.GetMessage().Contains("EnableDeviceByUserAsync"));
    }

    [Fact]
    public void Pages_listing_different_values_for_one_enum_keep_all_of_them()
    {
        var first = Page("First", new[] { Row("item", "<a href=\"#ColourDto\">ColourDto</a>") }, "FirstRespDto",
            Structure("ColourDto", StructureRow("colour", "string", description: "Colour<br>- `red`: red<br>- `blue`: blue")));
        var second = Page("Second", new[] { Row("item", "<a href=\"#ColourDto\">ColourDto</a>") }, "SecondRespDto",
            Structure("ColourDto", StructureRow("colour", "string", description: "Colour<br>- `red`: red<br>- `green`: green")));

        var run = AssertCompilesOrDiagnosed(new PageFile("/pages/first.md", first), new PageFile("/pages/second.md", second));

        var colours = run.Declaration("ColourDtoColour");
        Assert.Contains("Red { get; }", colours);
        Assert.Contains("Blue { get; }", colours);
        Assert.Contains("Green { get; }", colours);
        Assert.Contains(run.GeneratorDiagnostics, d => d.Id == "AUTHGEN007" && d.GetMessage().Contains("first.md") && d.GetMessage().Contains("second.md"));
    }

    [Fact]
    public void Empty_blank_and_non_utf8_files_are_reported_and_do_not_stop_the_build()
    {
        var bytes = new byte[] { 0x23, 0x20, 0xC3, 0x28, 0xFF, 0xFE, 0x0A, 0x7C, 0x20, 0x80 };
        var binary = SourceText.From(new System.IO.MemoryStream(bytes), Encoding.UTF8, throwIfBinaryDetected: false);

        var run = AssertCompilesOrDiagnosed(
            new PageFile("/pages/empty.md", string.Empty),
            new PageFile("/pages/blank.md", "  \n\n \t\n"),
            new PageFile("/pages/latin.md", binary),
            new PageFile("/pages/missing.md", (string?)null),
            new PageFile("/pages/association-ext-idp.md", SeedText()));

        var unreadable = run.GeneratorDiagnostics.Where(d => d.Id == "AUTHGEN002").Select(d => d.Location.GetLineSpan().Path).OrderBy(p => p).ToArray();
        Assert.Equal(new[] { "/pages/blank.md", "/pages/empty.md", "/pages/latin.md", "/pages/missing.md" }, unreadable);
        Assert.All(run.GeneratorDiagnostics.Where(d => d.Id == "AUTHGEN002"), d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
        Assert.NotNull(run.TryDeclaration("AssociationExtIdpAsync"));
    }

    [Fact]
    public void Concept_pages_give_an_informational_diagnostic_and_no_code()
    {
        var run = AssertCompilesOrDiagnosed(new PageFile("/pages/concept.md", "# Events\n\nSubscribe with a WebSocket.\n\n## Usage\n\n- a list\n"));

        var info = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal(("AUTHGEN001", DiagnosticSeverity.Info), (info.Id, info.Severity));
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void A_page_with_three_thousand_rows_compiles()
    {
        var rows = Enumerable.Range(0, 3000).Select(i => Row("field" + i, (i % 4) switch { 0 => "string", 1 => "number", 2 => "boolean", _ => "string[]" }, i % 7 == 0));

        var run = AssertCompilesOrDiagnosed(new PageFile("/pages/huge.md", Page("Huge", rows)));

        Assert.Contains("Field2999", run.Declaration("HugeDto"));
    }

    [Fact]
    public void Stated_endpoints_override_the_rule_and_bad_ones_are_reported()
    {
        var stated = "<!-- endpoint: DELETE /api/v3/custom-path -->\n" + Page("Stated", new[] { Row("id", "string", true) });
        var bad = "<!-- endpoint: FETCH api/v3/x -->\n" + Page("Bad", new[] { Row("id", "string", true) });

        var run = AssertCompilesOrDiagnosed(new PageFile("/pages/stated.md", stated), new PageFile("/pages/bad.md", bad));

        var operation = run.Declaration("StatedAsync");
        Assert.Contains("\"DELETE\",", operation);
        Assert.Contains("\"/api/v3/custom-path\",", operation);
        var problem = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "AUTHGEN010");
        Assert.Equal("/pages/bad.md", problem.Location.GetLineSpan().Path);
        Assert.Contains("POST", run.Declaration("BadAsync"));
    }

    [Theory]
    [InlineData("GET /api/v3/../admin")]
    [InlineData("POST /api/v3/%2e%2e/secret-admin")]
    [InlineData("GET /api/v3/%2E/x")]
    [InlineData("GET /api/v3/./x")]
    [InlineData("GET /api//x")]
    [InlineData("GET /api/v3/x/")]
    public void A_stated_path_that_a_client_would_rewrite_is_reported(string endpoint)
    {
        var page = "<!-- endpoint: " + endpoint + " -->\n" + Page("Dotted", new[] { Row("id", "string", true) });

        var run = AssertCompilesOrDiagnosed(new PageFile("/pages/dotted.md", page));

        var problem = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "AUTHGEN010");
        Assert.Contains("segment", problem.GetMessage());
        Assert.Contains("\"/api/v3/dotted\",", run.Declaration("DottedAsync"));
    }

    [Fact]
    public void A_second_stated_endpoint_is_reported_and_the_first_is_used()
    {
        var page = "<!-- endpoint: DELETE /api/v3/first -->\n" + Page("Twice", new[] { Row("id", "string", true) })
            + "\n<!-- endpoint: PUT /api/v3/second -->\n";

        var run = AssertCompilesOrDiagnosed(new PageFile("/pages/twice.md", page));

        var operation = run.Declaration("TwiceAsync");
        Assert.Contains("\"DELETE\",", operation);
        Assert.Contains("\"/api/v3/first\",", operation);
        var problem = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "AUTHGEN010");
        Assert.Contains("twice", problem.GetMessage());
        Assert.Equal(LineOf(page, "<!-- endpoint: PUT"), problem.Location.GetLineSpan().StartLinePosition.Line);
    }

    [Fact]
    public void Project_item_metadata_states_the_endpoint_beside_the_page()
    {
        var page = new PageFile("/pages/plain.md", Page("Plain", new[] { Row("id", "string", true) }));
        var options = new TestOptionsProvider(perFile: new Dictionary<string, IDictionary<string, string>>
        {
            ["/pages/plain.md"] = new Dictionary<string, string>
            {
                ["build_metadata.AdditionalFiles.AuthingHttpMethod"] = "put",
                ["build_metadata.AdditionalFiles.AuthingPath"] = "/api/v3/elsewhere",
            },
        });

        var run = GeneratorHarness.Run(new[] { page }, options);

        var operation = run.Declaration("PlainAsync");
        Assert.Contains("\"PUT\",", operation);
        Assert.Contains("\"/api/v3/elsewhere\",", operation);
    }

    [Fact]
    public void A_page_that_shares_its_path_with_an_operation_page_takes_none_of_its_code()
    {
        var operation = new PageFile("/pages/alpha.md", Page("Alpha", new[] { Row("id", "string", required: true) }));
        var alone = GeneratorHarness.Run(operation);

        foreach (var other in new[] { "", "# A concept\n\nJust words.\n" })
        {
            var twin = new PageFile("/pages/alpha.md", other);
            foreach (var pages in new[] { new[] { operation, twin }, new[] { twin, operation } })
            {
                var run = GeneratorHarness.Run(pages, null);

                Assert.Empty(run.GeneratorExceptions());
                Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "AUTHGEN012");
                Assert.Equal(
                    alone.Sources.Select(s => s.HintName + "\n" + s.SourceText).OrderBy(t => t, StringComparer.Ordinal),
                    run.Sources.Select(s => s.HintName + "\n" + s.SourceText).OrderBy(t => t, StringComparer.Ordinal));
            }
        }
    }

    [Fact]
    public void A_page_without_a_title_names_its_operation_after_its_file_in_every_summary()
    {
        var text = Page("Dropped", new[] { Row("id", "string", required: true) });
        text = text.Substring(text.IndexOf('\n', StringComparison.Ordinal) + 1);

        var run = AssertCompilesOrDiagnosed(new PageFile("/pages/untitled-call.md", text));

        var request = run.Sources.Single(s => s.SourceText.ToString().Contains("class UntitledCallDto", StringComparison.Ordinal)).SourceText.ToString();
        Assert.Contains("The parameters of the operation \"untitled-call\".", request, StringComparison.Ordinal);
        Assert.DoesNotContain("operation \"\"", request, StringComparison.Ordinal);
    }

    [Fact]
    public void A_field_renamed_for_a_clash_is_reported_at_its_row()
    {
        var text = Page("Clash", new[] { Row("name", "string"), Row("equals", "string") });

        var run = AssertCompilesOrDiagnosed(new PageFile("/pages/clash.md", text));

        var renamed = run.GeneratorDiagnostics.Single(d => d.Id == "AUTHGEN011" && d.GetMessage().Contains("'equals'", StringComparison.Ordinal));
        Assert.Equal(LineOf(text, "| equals"), renamed.Location.GetLineSpan().StartLinePosition.Line);
    }

    [Fact]
    public void Every_page_gets_a_file_of_its_own_whatever_its_file_name()
    {
        // A page's file is named after the page. A name already taken, in any case, gets a number; characters unfit
        // for a file name are escaped; a name of dots alone becomes "page"; a long name is cut and told apart by a
        // hash; a Windows device name gets an underscore; the shared file's and the clients' names stay theirs.
        var names = new[] { "/pages/a/same.md", "/pages/b/SAME.md", "/pages/.md", "/pages/...md", "/pages/-lead.md",
            "/pages/SharedTypes.md", "/pages/ManagementClient.md", "/pages/ünï côdé.md", "/pages/x.g.cs.md", "/pages/con.md",
            "/pages/a/com.md", "/pages/b/COM.md", "/pages/con.foo.md", "/pages/" + new string('m', 120) + ".md", "/pages/" + new string('m', 121) + ".md",
            "/pages/" + new string('长', 80) + ".md" };
        var pages = names.Select((path, i) => new PageFile(path, Page("Op " + i, new[] { Row("id" + i, "string") }, "Op" + i + "RespDto"))).ToArray();

        var run = AssertCompilesOrDiagnosed(pages);

        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        var files = run.Sources.Select(s => s.HintName).ToList();
        Assert.Equal(files.Count, files.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(files, f => Assert.True(f.Length <= 72, f));
        Assert.DoesNotContain(files, f => System.Text.RegularExpressions.Regex.IsMatch(f, "^(con|prn|aux|nul|com[0-9]|lpt[0-9])\\.", System.Text.RegularExpressions.RegexOptions.IgnoreCase));
        Assert.True(files.All(f => System.Text.RegularExpressions.Regex.IsMatch(f, "^[A-Za-z0-9_-][A-Za-z0-9_.-]*\\.g\\.cs$")), string.Join(", ", files));
        for (var i = 0; i < names.Length; i++)
        {
            // Each page's operation and response type are in one file, which holds no other page's.
            var file = run.FileDeclaring("Op" + i + "RespDto");
            Assert.Equal(file, run.FileDeclaring(MethodOf(run, i)));
            Assert.DoesNotContain("Op" + ((i + 1) % names.Length) + "RespDto ", run.Source(file), StringComparison.Ordinal);
        }

        var badPaths = run.GeneratorDiagnostics.Where(d => d.Id == "AUTHGEN015").Select(d => d.Location.GetLineSpan().Path).OrderBy(p => p, StringComparer.Ordinal);
        Assert.Equal(new[] { "/pages/...md", "/pages/.md" }, badPaths);
        Assert.Contains("same.g.cs", files);
        Assert.Contains("page.g.cs", files);
        Assert.Contains("con_.foo.g.cs", files);
        Assert.Equal("SharedTypes2.g.cs", run.FileDeclaring(MethodOf(run, Array.IndexOf(names, "/pages/SharedTypes.md"))));
        Assert.Equal("ManagementClient2.g.cs", run.FileDeclaring(MethodOf(run, Array.IndexOf(names, "/pages/ManagementClient.md"))));
    }

    [Fact]
    public void A_client_named_like_a_windows_device_gets_a_file_name_windows_can_write()
    {
        var options = new TestOptionsProvider(new Dictionary<string, string>
        {
            ["build_property.AuthingManagementClientName"] = "Nul",
        });

        var run = GeneratorHarness.Run(new[] { new PageFile("/pages/alpha.md", Page("Alpha", new[] { Row("id", "string") })) }, options);

        Assert.Empty(run.CompilationProblems());
        var files = run.Sources.Select(s => s.HintName).ToList();
        Assert.Contains("Nul_.g.cs", files);
        Assert.DoesNotContain("Nul.g.cs", files);
    }

    /// <summary>The method the page at <paramref name="index"/> of the test above gives its client.</summary>
    private static string MethodOf(GeneratorRun run, int index) =>
        run.Output.SyntaxTrees
            .SelectMany(t => t.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax>())
            .Single(m => m.ReturnType.ToString().Contains(".Op" + index + "RespDto>", StringComparison.Ordinal))
            .Identifier.ValueText;

    internal static GeneratorRun AssertCompilesOrDiagnosed(params PageFile[] pages)
    {
        var run = GeneratorHarness.Run(pages, null);

        Assert.Empty(run.GeneratorExceptions());
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "AUTHGEN012");
        var problems = run.CompilationProblems();
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems.Take(20)));
        return run;
    }

    private static string SeedText() => System.IO.File.ReadAllText(System.IO.Path.Combine(RepositoryPaths.Specs, "association-ext-idp.md"));
}
