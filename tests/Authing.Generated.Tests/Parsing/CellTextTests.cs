using System.IO;
using System.Linq;
using System.Threading;
using Authing.Generated.Generator.Parsing;
using Xunit;
using static Authing.Generated.Tests.HostilePages;

namespace Authing.Generated.Tests.Parsing;

/// <summary>HTML markup leaves cell text; placeholders in angle brackets and code spans stay.</summary>
public class CellTextTests
{
    [Theory]
    [InlineData("Key as `<tenantCode>/<memberKey>` here", "Key as `<tenantCode>/<memberKey>` here")]
    [InlineData("Send <accountRef> as text", "Send <accountRef> as text")]
    [InlineData("Basic b64(<app_key>:<app_secret>)", "Basic b64(<app_key>:<app_secret>)")]
    [InlineData("A ``code with ` and <b>`` stays", "A ``code with ` and <b>`` stays")]
    [InlineData("`<br>` is kept in code", "`<br>` is kept in code")]
    [InlineData("an \\<opt\\> value", "an <opt> value")]
    [InlineData("<div style=\"width:80px\">Is it required</div>", "Is it required")]
    [InlineData("see <a href=\"#RoleDto\">RoleDto</a> now", "see RoleDto now")]
    [InlineData("the <b>bold</b> and <STRONG>loud</STRONG> <i>one</i>", "the bold and loud one")]
    [InlineData("<LastUpdated /> text", "text")]
    [InlineData("a <!-- note --> b", "a b")]
    [InlineData("<details><summary>More</summary>body</details>", "Morebody")]
    [InlineData("<ul><li>one<li>two</ul>", "onetwo")]
    [InlineData("unmatched ` tick <b>x</b>", "unmatched ` tick x")]
    public void Only_markup_is_removed(string raw, string expected)
    {
        Assert.Equal(expected, CellText.ToPlainText(raw));
    }

    [Fact]
    public void Line_breaks_outside_code_spans_become_newlines()
    {
        Assert.Equal("first\nsecond `a<br>b`\nthird", CellText.ToPlainText("first<br>second `a<br>b`<BR/>third"));
    }

    [Fact]
    public void Tokens_keep_placeholders_and_drop_backticks()
    {
        Assert.Equal("<orgId>:<nodeId>", CellText.ToToken("`<orgId>:<nodeId>`"));
        Assert.Equal("userId", CellText.ToToken("<div>userId</div>"));
    }

    [Fact]
    public void Generated_docs_keep_placeholders_escaped()
    {
        var description =
            "Written as `<tenantCode>/<memberKey>`, where `<memberKey>` is <b>optional</b>; send <accountRef> bare.";
        var page = Page("Placeholders", new[] { Row("key", "string", description: description) });

        var run = Generation.HostilePageTests.AssertCompilesOrDiagnosed(new PageFile("/pages/placeholders.md", page));

        var request = run.Declaration("PlaceholdersDto");
        Assert.Contains(
            "/// Written as `&lt;tenantCode&gt;/&lt;memberKey&gt;`, where `&lt;memberKey&gt;` is optional; " +
            "send &lt;accountRef&gt; bare.",
            request);
    }

    [Fact]
    public void A_real_page_keeps_the_placeholders_of_its_code_spans()
    {
        var path = Path.Combine(RepositoryPaths.Corpus, "zh", "management", "管理用户", "get-user-batch.md");

        var page = PageParser.Parse(path, File.ReadAllText(path), null, CancellationToken.None);

        var description = page.RequestFields.Single(f => f.JsonName == "userIdType").Description;
        Assert.Contains("`<extIdpId>:<userIdInIdp>`", description);
        Assert.Contains("`<extIdpId>`", description);
        Assert.DoesNotContain("<br>", description);
        var values = page.RequestFields.Single(f => f.JsonName == "userIdType").EnumValues;
        Assert.Contains("`<userIdInIdp>`", values.Single(v => v.Value == "identity").Description);
    }
}
