using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using Authing.Generated.Generator.Model;
using Authing.Generated.Generator.Parsing;
using Xunit;

namespace Authing.Generated.Tests.Parsing;

/// <summary>The seed page and its Chinese twin parse to the same operation.</summary>
public class SeedPageParserTests
{
    public static TheoryData<string> Twins => new()
    {
        Path.Combine("specs", "association-ext-idp.md"),
        Path.Combine("..", "shared", "corpus", "zh", "management", "管理身份源", "association-ext-idp.md"),
    };

    [Theory]
    [MemberData(nameof(Twins))]
    public void Request_fields_keep_names_types_and_required_flags(string relativePath)
    {
        var page = Parse(relativePath);

        Assert.True(page.IsOperation);
        Assert.Equal("association-ext-idp", page.Slug);
        Assert.Equal(
            new[] { ("association", ValueKind.Boolean, true), ("id", ValueKind.String, true), ("tenantId", ValueKind.String, false) },
            page.RequestFields.Select(f => (f.JsonName, f.Type.Kind, f.Required)).ToArray());
        Assert.All(page.RequestFields, f => Assert.False(f.Type.IsArray));
        Assert.Equal("60b49eb83fd80adb96f26e68", page.RequestFields[1].Example);
        Assert.Empty(page.Diagnostics);
    }

    [Theory]
    [MemberData(nameof(Twins))]
    public void Response_names_its_type_and_links_the_nested_structure(string relativePath)
    {
        var page = Parse(relativePath);

        Assert.NotNull(page.Response);
        Assert.Equal("IsSuccessRespDto", page.Response!.Name);
        Assert.Equal(
            new[] { "statusCode", "message", "apiCode", "requestId", "data" },
            page.Response.Fields.Select(f => f.JsonName).ToArray());
        Assert.Equal(ValueKind.Number, page.Response.Fields[0].Type.Kind);
        Assert.Equal(TypeRef.NamedType("IsSuccessDto", false), page.Response.Fields[4].Type);

        var structure = Assert.Single(page.Structures);
        Assert.Equal("IsSuccessDto", structure.Name);
        var success = Assert.Single(structure.Fields);
        Assert.Equal(("success", ValueKind.Boolean, true), (success.JsonName, success.Type.Kind, success.Required));
    }

    [Theory]
    [MemberData(nameof(Twins))]
    public void Example_result_is_the_fenced_json_after_the_response_table(string relativePath)
    {
        var page = Parse(relativePath);

        Assert.NotNull(page.ExampleJson);
        using var example = JsonDocument.Parse(page.ExampleJson!);
        Assert.Equal(200, example.RootElement.GetProperty("statusCode").GetInt32());
        Assert.True(example.RootElement.GetProperty("data").GetProperty("success").GetBoolean());
    }

    [Fact]
    public void Method_name_section_names_the_client_and_method()
    {
        var page = Parse(Path.Combine("..", "shared", "corpus", "zh", "management", "管理用户", "get-user-batch.md"));

        Assert.Equal("ManagementClient", page.ClientName);
        Assert.Equal("get_user_batch", page.MethodName);
        Assert.Equal(TableLayout.QueryRows, page.RequestLayout);
        Assert.Equal(TypeRef.String.AsArray(), page.RequestFields[0].Type);
        Assert.Equal(
            new[] { "user_id", "phone", "email", "username", "external_id", "identity", "sync_relation" },
            page.RequestFields[1].EnumValues.Select(v => v.Value).ToArray());
    }

    [Fact]
    public void Chinese_twin_keeps_its_title()
    {
        var page = Parse(Path.Combine("..", "shared", "corpus", "zh", "management", "管理身份源", "association-ext-idp.md"));

        Assert.Equal("租户关联身份源", page.Title);
        Assert.Equal(TableLayout.BodyRows, page.RequestLayout);
    }

    [Fact]
    public void English_seed_keeps_title_and_description_for_docs()
    {
        var page = Parse(Path.Combine("specs", "association-ext-idp.md"));

        Assert.Equal("Tenant association identity source", page.Title);
        Assert.Equal("Tenants can associate or disassociate identity source connections.", page.Description);
        Assert.Equal("Whether to associate with identity source", page.RequestFields[0].Description);
    }

    internal static PageModel Parse(string relativePath)
    {
        var path = Path.GetFullPath(Path.Combine(RepositoryPaths.Root, relativePath));
        return PageParser.Parse(path, File.ReadAllText(path), null, CancellationToken.None);
    }
}
