using System;
using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Authing.Generated.Runtime.Tests;

/// <summary>Numbers and strings must be written exactly as JavaScript's String() and JSON.stringify write them.</summary>
public sealed class JavaScriptFormattingTests
{
    [Theory]
    [InlineData(0d, "0")]
    [InlineData(1d, "1")]
    [InlineData(-3d, "-3")]
    [InlineData(1.5d, "1.5")]
    [InlineData(0.1d, "0.1")]
    [InlineData(0.1d + 0.2d, "0.30000000000000004")]
    [InlineData(1d / 3d, "0.3333333333333333")]
    [InlineData(100d, "100")]
    [InlineData(4.35d, "4.35")]
    [InlineData(12345678901234d, "12345678901234")]
    [InlineData(1e15d, "1000000000000000")]
    [InlineData(9007199254740993d, "9007199254740992")]
    [InlineData(18446744073709551616d, "18446744073709552000")]
    [InlineData(1e20d, "100000000000000000000")]
    [InlineData(123456789012345680000d, "123456789012345680000")]
    [InlineData(1e21d, "1e+21")]
    [InlineData(1.2e22d, "1.2e+22")]
    [InlineData(0.000001d, "0.000001")]
    [InlineData(0.0000015d, "0.0000015")]
    [InlineData(1e-7d, "1e-7")]
    [InlineData(1.5e-7d, "1.5e-7")]
    [InlineData(-1e-7d, "-1e-7")]
    [InlineData(123e-20d, "1.23e-18")]
    [InlineData(5e-324d, "5e-324")]
    [InlineData(1.7976931348623157e308d, "1.7976931348623157e+308")]
    public void Number_is_written_as_JavaScript_prints_it(double value, string expected)
    {
        Assert.Equal(expected, WriteJson(writer => AuthingJson.WriteNumber(writer, value)));

        var builder = new AuthingRequestBuilder("GET");
        builder.AddNumber("n", value);
        Assert.Equal("n=" + Uri.EscapeDataString(expected), builder.QueryString);
        Assert.Equal(expected, Assert.Single(builder.GetSignedParameters()).Value);
    }

    [Fact]
    public void Negative_zero_is_written_as_zero()
    {
        double negativeZero = -0d;
        Assert.True(double.IsNegative(negativeZero));
        Assert.Equal("0", WriteJson(writer => AuthingJson.WriteNumber(writer, negativeZero)));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Non_finite_numbers_are_refused_naming_the_field(double value)
    {
        var builder = new AuthingRequestBuilder("POST");
        ArgumentException error = Assert.Throws<ArgumentException>(() => builder.AddNumber("ratio", value));
        Assert.Contains("'ratio'", error.Message);

        var arrayBuilder = new AuthingRequestBuilder("GET");
        error = Assert.Throws<ArgumentException>(() => arrayBuilder.AddNumberArray("weights", [1, value]));
        Assert.Contains("'weights'", error.Message);
    }

    [Fact]
    public void Non_finite_number_inside_an_object_is_refused_naming_the_top_level_field()
    {
        var builder = new AuthingRequestBuilder("POST");
        ArgumentException error = Assert.Throws<ArgumentException>(
            () => builder.AddObject("owner", new Support.Tag("x", double.NaN)));
        Assert.Contains("'owner'", error.Message);
        Assert.Contains("'weight'", error.Message);
        Assert.Throws<InvalidOperationException>(() => builder.AddString("next", "value"));
    }

    [Fact]
    public void Strings_escape_only_what_JSON_stringify_escapes()
    {
        // Expected text is what node prints for JSON.stringify({s: <the same string>}).
        const string value = "\"\\\b\t\n\f\r\u0001\u001f\u007f é 中 😀 \u2028 </script>&'+<>";
        var builder = new AuthingRequestBuilder("POST");
        builder.AddString("s", value);

        string body = Encoding.UTF8.GetString(builder.GetBody().Span);

        Assert.Equal("{\"s\":\"\\\"\\\\\\b\\t\\n\\f\\r\\u0001\\u001f\u007f é 中 😀 \u2028 </script>&'+<>\"}", body);
        Assert.Equal(value, Assert.Single(builder.GetSignedParameters()).Value);
    }

    [Fact]
    public void Every_control_character_has_the_JavaScript_escape()
    {
        var text = new StringBuilder();
        for (char c = '\0'; c < ' '; c++)
        {
            text.Append(c);
        }

        string written = WriteJson(writer => writer.WriteStringValue(text.ToString()));

        Assert.Equal(
            "\"\\u0000\\u0001\\u0002\\u0003\\u0004\\u0005\\u0006\\u0007\\b\\t\\n\\u000b\\f\\r\\u000e\\u000f" +
            "\\u0010\\u0011\\u0012\\u0013\\u0014\\u0015\\u0016\\u0017\\u0018\\u0019\\u001a\\u001b\\u001c\\u001d" +
            "\\u001e\\u001f\"",
            written);
    }

    [Fact]
    public void Property_names_and_nested_values_use_the_same_escaping()
    {
        JsonNode node = JsonNode.Parse("""{"na\"me\u00e9":["\u0007","😀",1.0,1e21,-0.0,true,null]}""")!;

        string written = WriteJson(writer => AuthingJson.WriteNode(writer, node));

        Assert.Equal("{\"na\\\"meé\":[\"\\u0007\",\"😀\",1,1e+21,0,true,null]}", written);
    }

    [Fact]
    public void Clr_backed_json_values_are_rewritten_with_JavaScript_formatting()
    {
        var node = new JsonObject
        {
            ["int"] = 20,
            ["long"] = 12345678901234L,
            ["decimal"] = 1.50m,
            ["text"] = "tab\t",
            ["flag"] = false,
        };

        string written = WriteJson(writer => AuthingJson.WriteNode(writer, node));

        Assert.Equal("{\"int\":20,\"long\":12345678901234,\"decimal\":1.5,\"text\":\"tab\\t\",\"flag\":false}", written);
    }

    private static string WriteJson(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (Utf8JsonWriter writer = AuthingJson.CreateWriter(buffer))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
