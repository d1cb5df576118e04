using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Authing.Generated.Runtime.Tests.Support;

namespace Authing.Generated.Runtime.Tests;

/// <summary>The signing cases recorded from the official Node.js SDK must come out byte for byte.</summary>
public sealed class SignatureVectorTests
{
    public static TheoryData<int> VectorIndexes()
    {
        using JsonDocument document = SharedData.Load("vectors/signature-vectors.json");
        var indexes = new TheoryData<int>();
        for (int i = 0; i < document.RootElement.GetProperty("vectors").GetArrayLength(); i++)
        {
            indexes.Add(i);
        }

        return indexes;
    }

    [Fact]
    public void All_42_vectors_are_present()
    {
        Assert.Equal(42, VectorIndexes().Count);
    }

    [Theory]
    [MemberData(nameof(VectorIndexes))]
    public void Vector_gives_the_recorded_string_to_sign_and_authorization(int index)
    {
        using JsonDocument document = SharedData.Load("vectors/signature-vectors.json");
        JsonElement vector = document.RootElement.GetProperty("vectors")[index];
        var headers = vector.GetProperty("headers").EnumerateObject()
            .Select(header => new KeyValuePair<string, string>(header.Name, header.Value.GetString()!));
        var parameters = vector.GetProperty("params").EnumerateObject()
            .Select(parameter => new KeyValuePair<string, string>(
                parameter.Name, AuthingSignature.GetSigningText(parameter.Value)));

        string stringToSign = AuthingSignature.BuildStringToSign(
            vector.GetProperty("method").GetString()!, vector.GetProperty("path").GetString()!, headers, parameters);
        string authorization = AuthingSignature.FormatAuthorization(
            vector.GetProperty("accessKeyId").GetString()!,
            AuthingSignature.ComputeSignature(vector.GetProperty("accessKeySecret").GetString()!, stringToSign));

        Assert.Equal(vector.GetProperty("stringToSign").GetString(), stringToSign);
        Assert.Equal(vector.GetProperty("authorization").GetString(), authorization);
    }

    [Theory]
    [MemberData(nameof(VectorIndexes))]
    public void Body_helper_signs_a_received_body_like_the_vector(int index)
    {
        using JsonDocument document = SharedData.Load("vectors/signature-vectors.json");
        JsonElement vector = document.RootElement.GetProperty("vectors")[index];
        var headers = vector.GetProperty("headers").EnumerateObject()
            .Select(header => new KeyValuePair<string, string>(header.Name, header.Value.GetString()!));

        string stringToSign = AuthingSignature.BuildStringToSign(
            vector.GetProperty("method").GetString()!,
            vector.GetProperty("path").GetString()!,
            headers,
            AuthingSignature.GetSignedParameters(vector.GetProperty("params")));

        Assert.True(AuthingSignature.VerifyAuthorization(
            vector.GetProperty("authorization").GetString(),
            vector.GetProperty("accessKeyId").GetString()!,
            vector.GetProperty("accessKeySecret").GetString()!,
            stringToSign));
        Assert.False(AuthingSignature.VerifyAuthorization(
            vector.GetProperty("authorization").GetString(),
            vector.GetProperty("accessKeyId").GetString()!,
            "wrong-secret",
            stringToSign));
    }

    [Fact]
    public void Builder_signs_the_same_text_as_the_vector_for_the_same_parameters()
    {
        // The create-user vector: nested objects with Chinese text, signed as compact JSON in insertion order.
        var builder = new AuthingRequestBuilder("POST");
        builder.AddString("email", "test@example.com");
        builder.AddJson("profile", System.Text.Json.Nodes.JsonNode.Parse("""{"nickname":"测试用户","givenName":"Zhang"}"""));
        builder.AddJson("customData", System.Text.Json.Nodes.JsonNode.Parse("""{"school":"pku","age":20}"""));

        string stringToSign = AuthingSignature.BuildStringToSign(
            "POST", "/api/v3/create-user", [], builder.GetSignedParameters());

        Assert.Equal(
            "POST\n/api/v3/create-user?customData={\"school\":\"pku\",\"age\":20}&email=test@example.com" +
            "&profile={\"nickname\":\"测试用户\",\"givenName\":\"Zhang\"}",
            stringToSign);
    }
}
