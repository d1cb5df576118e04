using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;
using static Authing.Generated.Tests.HostilePages;

namespace Authing.Generated.Tests.Generation;

/// <summary>Sections holding several tables: every table's rows reach the code, or a diagnostic says why not.</summary>
public class ExtraTableTests
{
    [Fact]
    public void A_second_request_table_adds_its_rows_to_the_request()
    {
        var page = Page("Split", new[] { Row("tenant", "string", true) })
            .Replace("\n\n## Request Response", "\nBody parameters:\n\n" + RequestHeader +
                Row("colour", "string", description: "Colour<br>- `red`: red<br>- `blue`: blue") + "\n" +
                Row("sizes", "number[]") + "\n\n## Request Response");

        var run = HostilePageTests.AssertCompilesOrDiagnosed(new PageFile("/pages/split.md", page));

        var request = run.Declaration("SplitDto");
        Assert.Contains("public required string Tenant { get; init; }", request);
        Assert.Contains("public global::Authing.Generated.SplitDtoColour? Colour { get; init; }", request);
        Assert.Contains("IReadOnlyList<double>? Sizes { get; init; }", request);
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
    }

    [Fact]
    public void A_request_table_right_below_another_in_one_paragraph_is_read_too()
    {
        var page = Page("Joined", new[] { Row("first", "string") })
            .Replace("\n\n## Request Response", "\nAnd these:\n" + RequestHeader + Row("second", "boolean") +
                "\n\n## Request Response");

        var run = HostilePageTests.AssertCompilesOrDiagnosed(new PageFile("/pages/joined.md", page));

        var request = run.Declaration("JoinedDto");
        Assert.Contains("public string? First { get; init; }", request);
        Assert.Contains("public bool? Second { get; init; }", request);
    }

    [Fact]
    public void A_field_repeated_in_a_second_request_table_is_reported_at_its_row()
    {
        var page = Page("Repeated", new[] { Row("id", "string", true) })
            .Replace("\n\n## Request Response", "\nMore:\n\n" + RequestHeader +
                Row("id", "number") + "\n" + Row("extra", "string") + "\n\n## Request Response");
        var repeatedRow = LineOf(page, "| id | number |");

        var run = HostilePageTests.AssertCompilesOrDiagnosed(new PageFile("/pages/repeated.md", page));

        var request = run.Declaration("RepeatedDto");
        Assert.Contains("public required string Id { get; init; }", request);
        Assert.Contains("public string? Extra { get; init; }", request);
        var duplicate = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "AUTHGEN009");
        Assert.Equal(repeatedRow, duplicate.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Equal("/pages/repeated.md", duplicate.Location.GetLineSpan().Path);
    }

    [Fact]
    public void A_second_response_table_is_reported_at_its_line_naming_page_and_section()
    {
        var page = Page("Codes", new[] { Row("id", "string") })
            .Replace("Example results:", "Error codes:\n\n| Name | Type | Description |\n| ---- | ---- | ---- |\n" +
                "| 2004 | number | No such user |\n\nExample results:");
        var secondTable = LineOf(page, "| Name | Type | Description |", occurrence: 2);

        var run = HostilePageTests.AssertCompilesOrDiagnosed(new PageFile("/pages/codes.md", page));

        var unused = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "AUTHGEN014");
        Assert.Equal(DiagnosticSeverity.Warning, unused.Severity);
        Assert.Equal(secondTable, unused.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Equal("/pages/codes.md", unused.Location.GetLineSpan().Path);
        Assert.Contains("'codes.md'", unused.GetMessage());
        Assert.Contains("'Request Response'", unused.GetMessage());
        var response = run.Declaration("PlainRespDto");
        Assert.Contains("RequestId", response);
        Assert.DoesNotContain("2004", response);
    }

    [Fact]
    public void A_second_table_under_one_data_structure_heading_adds_its_fields()
    {
        var structure = Structure("ItemDto", StructureRow("id", "string", true), StructureRow("name", "string")) +
            "Audit fields:\n\n" + StructureHeader +
            StructureRow("createdAt", "string") + "\n" + StructureRow("name", "number") + "\n\n";
        var page = Page("Items", new[] { Row("item", "<a href=\"#ItemDto\">ItemDto</a>") }, structures: structure);
        var repeatedRow = LineOf(page, "| name | number |");

        var run = HostilePageTests.AssertCompilesOrDiagnosed(new PageFile("/pages/items.md", page));

        var item = run.Declaration("ItemDto");
        Assert.Contains("public required string? Id { get; init; }", item);
        Assert.Contains("public string? Name { get; init; }", item);
        Assert.Contains("public string? CreatedAt { get; init; }", item);
        var duplicate = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "AUTHGEN009");
        Assert.Equal(repeatedRow, duplicate.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Contains("'ItemDto'", duplicate.GetMessage());
    }

    [Fact]
    public void A_data_structure_table_without_a_heading_is_reported_at_its_line()
    {
        var page = Page("Loose", new[] { Row("id", "string") })
            .Replace("## Data Structure\n\n", "## Data Structure\n\n" + StructureHeader +
                StructureRow("orphan", "string") + "\n\n");
        var looseTable = LineOf(page, StructureHeader.Split('\n')[0]);

        var run = HostilePageTests.AssertCompilesOrDiagnosed(new PageFile("/pages/loose.md", page));

        var unused = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "AUTHGEN014");
        Assert.Equal(looseTable, unused.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Contains("'loose.md'", unused.GetMessage());
        Assert.Contains("'Data Structure'", unused.GetMessage());
        Assert.Contains("bool? Ok { get; init; }", run.Declaration("DataDto"));
    }
}
