using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Authing.Generated.Runtime.Tests.Support;

namespace Authing.Generated.Runtime.Tests;

public sealed class RequestBuilderTests
{
    [Fact]
    public void Get_parameters_become_query_pairs_in_call_order_and_signed_values_in_name_order()
    {
        var builder = new AuthingRequestBuilder("GET");
        builder.AddString("userId", "u 1&x=y/中");
        builder.AddStringArray("userIds", ["a", "b c"]);
        builder.AddNumber("page", 1);
        builder.AddBoolean("withCustomData", false);
        builder.AddNumberArray("scores", [1.5, 2]);
        builder.AddBooleanArray("flags", [true, false]);
        builder.AddObject("owner", new Tag("张三", 3));
        builder.AddEnum("status", new TestEnum("Activated"));

        Assert.Equal(
            "userId=u%201%26x%3Dy%2F%E4%B8%AD&userIds%5B%5D=a&userIds%5B%5D=b%20c&page=1&withCustomData=false" +
            "&scores%5B%5D=1.5&scores%5B%5D=2&flags%5B%5D=true&flags%5B%5D=false" +
            "&owner=%7B%22name%22%3A%22%E5%BC%A0%E4%B8%89%22%2C%22weight%22%3A3%7D&status=Activated",
            builder.QueryString);
        Assert.True(builder.GetBody().IsEmpty);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["flags"] = "[true,false]",
                ["owner"] = "{\"name\":\"张三\",\"weight\":3}",
                ["page"] = "1",
                ["scores"] = "[1.5,2]",
                ["status"] = "Activated",
                ["userId"] = "u 1&x=y/中",
                ["userIds"] = "[\"a\",\"b c\"]",
                ["withCustomData"] = "false",
            }.ToList(),
            builder.GetSignedParameters().ToList());
    }

    [Fact]
    public void Get_array_is_sent_repeated_but_signed_as_json_like_the_vector()
    {
        var builder = new AuthingRequestBuilder("GET");
        builder.AddStringArray("userIds", ["a", "b"]);
        builder.AddString("userIdType", "user_id");

        Assert.Equal("userIds%5B%5D=a&userIds%5B%5D=b&userIdType=user_id", builder.QueryString);
        Assert.Equal(
            "GET\n/api/v3/get-user-batch?userIdType=user_id&userIds=[\"a\",\"b\"]",
            AuthingSignature.BuildStringToSign("GET", "/api/v3/get-user-batch", [], builder.GetSignedParameters()));
    }

    [Fact]
    public void Get_leaves_out_empty_arrays_and_nulls_from_query_and_signature_alike()
    {
        var builder = new AuthingRequestBuilder("GET");
        builder.AddStringArray("ids", []);
        builder.AddJson("extra", null);
        builder.AddObjectArray<Tag>("tags", []);
        builder.AddString("keep", "1");

        Assert.Equal("keep=1", builder.QueryString);
        Assert.Equal("keep", Assert.Single(builder.GetSignedParameters()).Key);
    }

    [Fact]
    public void Get_object_arrays_repeat_each_element_as_json()
    {
        var builder = new AuthingRequestBuilder("GET");
        builder.AddObjectArray("tags", [new Tag("a", 1), new Tag("b", 0.5)]);

        var pairs = builder.QueryString.Split('&').Select(Uri.UnescapeDataString).ToArray();
        Assert.Equal(["tags[]={\"name\":\"a\",\"weight\":1}", "tags[]={\"name\":\"b\",\"weight\":0.5}"], pairs);
        Assert.Equal(
            "[{\"name\":\"a\",\"weight\":1},{\"name\":\"b\",\"weight\":0.5}]",
            Assert.Single(builder.GetSignedParameters()).Value);
    }

    [Fact]
    public void Post_parameters_become_a_compact_json_body_and_signed_values()
    {
        var builder = new AuthingRequestBuilder("POST");
        builder.AddString("id", "60b49eb8");
        builder.AddBoolean("association", false);
        builder.AddNumber("ratio", 1.5);
        builder.AddNumber("big", 12345678901234);
        builder.AddStringArray("names", ["中文", "😀"]);
        builder.AddObject("owner", new Tag("x\"y", -3));
        builder.AddObjectArray("tags", [new Tag("a", 1e21)]);
        builder.AddJson("custom", JsonNode.Parse("""{"school":"pku","age":20,"list":[1,{"k":null}]}"""));
        builder.AddJson("nothing", null);
        builder.AddJson("text", JsonValue.Create("raw text"));
        builder.AddEnumArray("statuses", [new TestEnum("A"), new TestEnum("B")]);

        Assert.Equal(
            "{\"id\":\"60b49eb8\",\"association\":false,\"ratio\":1.5,\"big\":12345678901234," +
            "\"names\":[\"中文\",\"😀\"],\"owner\":{\"name\":\"x\\\"y\",\"weight\":-3}," +
            "\"tags\":[{\"name\":\"a\",\"weight\":1e+21}]," +
            "\"custom\":{\"school\":\"pku\",\"age\":20,\"list\":[1,{\"k\":null}]},\"nothing\":null," +
            "\"text\":\"raw text\",\"statuses\":[\"A\",\"B\"]}",
            Encoding.UTF8.GetString(builder.GetBody().Span));
        Assert.Equal(string.Empty, builder.QueryString);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["association"] = "false",
                ["big"] = "12345678901234",
                ["custom"] = "{\"school\":\"pku\",\"age\":20,\"list\":[1,{\"k\":null}]}",
                ["id"] = "60b49eb8",
                ["names"] = "[\"中文\",\"😀\"]",
                ["nothing"] = "null",
                ["owner"] = "{\"name\":\"x\\\"y\",\"weight\":-3}",
                ["ratio"] = "1.5",
                ["statuses"] = "[\"A\",\"B\"]",
                ["tags"] = "[{\"name\":\"a\",\"weight\":1e+21}]",
                ["text"] = "raw text",
            }.ToList(),
            builder.GetSignedParameters().ToList());
    }

    [Fact]
    public void Post_signed_values_equal_what_a_server_rebuilds_from_the_body()
    {
        var builder = new AuthingRequestBuilder("PUT");
        builder.AddString("b", "tab\there");
        builder.AddNumber("a", 0.1 + 0.2);
        builder.AddObject("B", new Tag("é", 2));
        builder.AddJson("_z", JsonNode.Parse("[1,\"2\",[3]]"));

        using JsonDocument received = JsonDocument.Parse(builder.GetBody());

        Assert.Equal(AuthingSignature.GetSignedParameters(received.RootElement), builder.GetSignedParameters());
        Assert.Equal(["B", "_z", "a", "b"], builder.GetSignedParameters().Select(pair => pair.Key));
    }

    [Fact]
    public void Empty_post_sends_an_empty_object_and_signs_nothing()
    {
        var builder = new AuthingRequestBuilder("DELETE");

        Assert.Equal("{}", Encoding.UTF8.GetString(builder.GetBody().Span));
        Assert.Empty(builder.GetSignedParameters());
        Assert.Equal("DELETE\n/api/v3/x", AuthingSignature.BuildStringToSign("DELETE", "/api/v3/x", [], []));
    }

    [Fact]
    public void Misuse_is_reported()
    {
        var builder = new AuthingRequestBuilder("POST");
        builder.AddString("id", "1");
        Assert.Throws<ArgumentException>(() => builder.AddString("id", "2"));
        Assert.Throws<ArgumentException>(() => builder.AddString("", "2"));
        Assert.Throws<ArgumentException>(() => builder.AddStringArray("list", ["a", null!]));
        Assert.Throws<InvalidOperationException>(() => builder.AddObject("bad", new WritesNothing()));

        var finished = new AuthingRequestBuilder("POST");
        finished.GetBody();
        Assert.Throws<InvalidOperationException>(() => finished.AddString("late", "x"));
    }

    private readonly record struct TestEnum(string Value) : Authing.Generated.Runtime.IAuthingEnum
    {
        public void WriteJson(Utf8JsonWriter writer) => writer.WriteStringValue(Value);
    }

    private sealed class WritesNothing : Authing.Generated.Runtime.IAuthingJsonValue
    {
        public void WriteJson(Utf8JsonWriter writer)
        {
        }
    }
}
