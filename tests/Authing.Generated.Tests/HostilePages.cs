using System.Collections.Generic;
using System.Text;

namespace Authing.Generated.Tests;

/// <summary>Builds pages in the reference format from rows, so tests can write hostile pages briefly.</summary>
internal static class HostilePages
{
    public const string RequestHeader =
        "| Name | Type | Required | Default value | Description | Sample value |\n| ---- | ---- | ---- | ---- | ---- | ---- |\n";

    public const string StructureHeader =
        "| Name | Type | Is it required? | Description | Example value |\n| ---- | ---- | ---- | ---- | ---- |\n";

    public static string Page(string title, IEnumerable<string> requestRows, string responseType = "PlainRespDto", string? structures = null)
    {
        var page = new StringBuilder();
        page.Append("# ").Append(title).Append("\n\nA page of our own making.\n\n## Request parameters\n\n").Append(RequestHeader);
        foreach (var row in requestRows)
        {
            page.Append(row).Append('\n');
        }

        page.Append("\n## Request Response\n\nType: `").Append(responseType).Append("`\n\n");
        page.Append("| Name | Type | Description |\n| ---- | ---- | ---- |\n");
        page.Append("| statusCode | number | Status |\n| message | string | Message |\n| requestId | string | Request |\n");
        page.Append("| data | <a href=\"#DataDto\">DataDto</a> | Data |\n\n");
        page.Append("Example results:\n\n```json\n{\"statusCode\":200,\"message\":\"ok\",\"data\":{\"ok\":true}}\n```\n\n");
        page.Append("## Data Structure\n\n### <a id=\"DataDto\"></a> DataDto\n\n").Append(StructureHeader);
        page.Append("| ok | boolean | yes | Done | `true` |\n");
        if (structures is not null)
        {
            page.Append('\n').Append(structures);
        }

        return page.ToString();
    }

    public static string Row(string name, string type, bool required = false, string description = "A field", string example = "") =>
        $"| {name} | {type} | {(required ? "yes" : "no")} | - | {description} | {example} |";

    public static string Structure(string name, params string[] rows)
    {
        var text = new StringBuilder();
        text.Append("### <a id=\"").Append(name).Append("\"></a> ").Append(name).Append("\n\n").Append(StructureHeader);
        foreach (var row in rows)
        {
            text.Append(row).Append('\n');
        }

        return text.Append('\n').ToString();
    }

    public static string StructureRow(string name, string type, bool required = false, string description = "A field") =>
        $"| {name} | {type} | {(required ? "yes" : "no")} | {description} | |";

    /// <summary>The zero-based line of the <paramref name="occurrence"/>th line starting with <paramref name="start"/>.</summary>
    public static int LineOf(string page, string start, int occurrence = 1)
    {
        var lines = page.Split('\n');
        var found = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith(start, System.StringComparison.Ordinal) && ++found == occurrence)
            {
                return i;
            }
        }

        throw new Xunit.Sdk.XunitException("no line starts with " + start);
    }
}
