using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Authing.Generated.Runtime.Tests.Support;

namespace Authing.Generated.Runtime.Tests;

/// <summary>The read helpers are strict about types, and failures name the full JSON path.</summary>
public sealed class JsonReadingTests
{
    [Fact]
    public void Wrong_type_deep_inside_names_the_path_and_the_types()
    {
        AuthingSerializationException error = ReadFails(
            """{"statusCode":200,"data":{"value":"x","tags":[{"name":"a","weight":1},{"weight":2,"name":5}]}}""");

        Assert.Equal("$.data.tags[1].name", error.JsonPath);
        Assert.Equal("expected a string but found Number", error.Problem);
        Assert.Contains("$.data.tags[1].name: expected a string but found Number", error.Message);
    }

    [Theory]
    [InlineData("""{"statusCode":200,"data":{"value":"ab""", "$.data.value")]
    [InlineData("""{"statusCode":200,"data":{"tags":[{"name":"a","weight":1},""", "$.data.tags[1]")]
    [InlineData("""{"statusCode":200,"data":{"tags":[{"name":"a","weight":""", "$.data.tags[0].weight")]
    [InlineData("""{"statusCode":200,"data":""", "$.data")]
    [InlineData("""{"statusCode":200,"data":{"value":"x"},,}""", "$")]
    public void Truncated_or_malformed_json_names_where_it_broke(string json, string path)
    {
        AuthingSerializationException error = ReadFails(json);

        Assert.Equal(path, error.JsonPath);
        Assert.Contains("malformed or ends early", error.Problem);
    }

    [Theory]
    [InlineData("""{"statusCode":"200"}""", "$.statusCode", "expected a number but found String")]
    [InlineData("""{"statusCode":200,"data":[]}""", "$.data", "expected an object but found Array")]
    [InlineData("""{"statusCode":200,"data":{"tags":5}}""", "$.data.tags", "expected an array but found Number")]
    [InlineData("""{"statusCode":200,"data":{"tags":"not an array"}}""", "$.data.tags", "expected an array but found String")]
    [InlineData("""{"statusCode":200,"data":{"value":true}}""", "$.data.value", "expected a string but found Boolean")]
    [InlineData("""{"statusCode":1e999}""", "$.statusCode", "expected a number but found one out of the range of a double")]
    [InlineData("""[]""", "$", "expected an object but found Array")]
    public void Token_types_are_checked(string json, string path, string problem)
    {
        AuthingSerializationException error = ReadFails(json);

        Assert.Equal(path, error.JsonPath);
        Assert.Equal(problem, error.Problem);
    }

    [Theory]
    [InlineData("""{"statusCode":200,"data":{"tags":{"name":"a"}}}""", "a")]
    [InlineData("""{"statusCode":200,"data":{"tags":"[{\"name\":\"b\"}]"}}""", "b")]
    public void Arrays_spelled_as_the_pages_spell_them_still_read(string json, string name)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        AuthingJson.Next(ref reader);

        var response = EchoResponse.ReadJson(ref reader);

        var tag = Assert.Single(response.Data!.Tags);
        Assert.Equal(name, tag.Name);
    }

    [Fact]
    public void Names_that_are_not_identifiers_use_bracket_notation()
    {
        var error = new AuthingSerializationException("bad");
        error.WithParent("it's").WithIndex(2).WithParent("a.b").WithParent("data");

        Assert.Equal("$.data['a.b'][2]['it\\'s']", error.JsonPath);
    }

    [Fact]
    public void Unknown_properties_and_free_form_nodes_leave_the_reader_on_their_last_token()
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(
            """{"skip":{"deep":[1,{"x":2}]},"node":{"k":["中",1.5,null]},"flag":false,"none":null}"""));
        AuthingJson.Next(ref reader);
        AuthingJson.ExpectObject(ref reader);

        JsonNode? node = null;
        bool? flag = null;
        bool? none = true;
        while (AuthingJson.NextProperty(ref reader, out string name))
        {
            switch (name)
            {
                case "node":
                    node = AuthingJson.ReadNode(ref reader);
                    break;
                case "flag":
                    flag = AuthingJson.ReadBoolean(ref reader);
                    break;
                case "none":
                    none = AuthingJson.ReadBooleanOrNull(ref reader);
                    break;
                default:
                    AuthingJson.Skip(ref reader);
                    break;
            }
        }

        Assert.Equal(JsonTokenType.EndObject, reader.TokenType);
        Assert.False(reader.Read());
        Assert.Equal("""{"k":["中",1.5,null]}""", node!.ToJsonString(new JsonSerializerOptions
        {
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }));
        Assert.False(flag);
        Assert.Null(none);
    }

    [Fact]
    public void Object_and_required_property_failures_name_the_type()
    {
        var reader = new Utf8JsonReader("[1]"u8);
        AuthingJson.Next(ref reader);
        AuthingSerializationException? wrongShape = null;
        try
        {
            AuthingJson.ExpectObject(ref reader, "UserDto");
        }
        catch (AuthingSerializationException error)
        {
            wrongShape = error.WithParent("data");
        }

        AuthingSerializationException missing = AuthingJson.MissingProperty("userId", "UserDto").WithParent("data");

        Assert.Equal("$.data", wrongShape!.JsonPath);
        Assert.Equal("expected an object for UserDto but found Array", wrongShape.Problem);
        Assert.Equal("$.data", missing.JsonPath);
        Assert.Equal("the required property 'userId' of UserDto is missing", missing.Problem);
    }

    [Fact]
    public void Next_at_the_end_of_the_data_fails()
    {
        var reader = new Utf8JsonReader("1"u8);
        AuthingJson.Next(ref reader);

        try
        {
            AuthingJson.Next(ref reader);
            Assert.Fail("Next read past the end.");
        }
        catch (AuthingSerializationException error)
        {
            Assert.Equal("$", error.JsonPath);
        }
    }

    private static AuthingSerializationException ReadFails(string json)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(json);
        try
        {
            var reader = new Utf8JsonReader(bytes);
            AuthingJson.Next(ref reader);
            EchoResponse.ReadJson(ref reader);
        }
        catch (AuthingSerializationException error)
        {
            return error;
        }

        Assert.Fail("Reading succeeded.");
        return null!;
    }
}
