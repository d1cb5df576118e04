using System.Collections.Generic;
using System.Text.Json;
using System.Threading;
using Authing.Generated.Runtime;

namespace Authing.Generated.Runtime.Tests.Support;

/// <summary>
/// Hand-written request and response types shaped like the generated ones: records whose readers walk the JSON with
/// <see cref="AuthingJson"/> and add their property name to a failure's path.
/// </summary>
internal sealed record EchoRequest(string Value, IReadOnlyList<string>? Tags = null, Tag? Owner = null)
{
    public static void Write(EchoRequest request, AuthingRequestBuilder builder)
    {
        builder.AddString("value", request.Value);
        if (request.Tags is not null)
        {
            builder.AddStringArray("tags", request.Tags);
        }

        if (request.Owner is not null)
        {
            builder.AddObject("owner", request.Owner);
        }
    }
}

internal sealed record Tag(string Name, double Weight) : IAuthingJsonValue
{
    public void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("name", Name);
        AuthingJson.WriteNumber(writer, "weight", Weight);
        writer.WriteEndObject();
    }

    public static Tag ReadJson(ref Utf8JsonReader reader)
    {
        AuthingJson.ExpectObject(ref reader);
        string name = "";
        double weight = 0;
        while (AuthingJson.NextProperty(ref reader, out string property))
        {
            switch (property)
            {
                case "name":
                    try
                    {
                        name = AuthingJson.ReadString(ref reader);
                    }
                    catch (AuthingSerializationException e)
                    {
                        throw e.WithParent("name");
                    }

                    break;
                case "weight":
                    try
                    {
                        weight = AuthingJson.ReadNumber(ref reader);
                    }
                    catch (AuthingSerializationException e)
                    {
                        throw e.WithParent("weight");
                    }

                    break;
                default:
                    AuthingJson.Skip(ref reader);
                    break;
            }
        }

        return new Tag(name, weight);
    }
}

internal sealed record EchoData(string? Value, IReadOnlyList<Tag> Tags)
{
    public static EchoData ReadJson(ref Utf8JsonReader reader)
    {
        AuthingJson.ExpectObject(ref reader);
        string? value = null;
        IReadOnlyList<Tag> tags = [];
        while (AuthingJson.NextProperty(ref reader, out string property))
        {
            switch (property)
            {
                case "value":
                    try
                    {
                        value = AuthingJson.ReadStringOrNull(ref reader);
                    }
                    catch (AuthingSerializationException e)
                    {
                        throw e.WithParent("value");
                    }

                    break;
                case "tags":
                    try
                    {
                        tags = AuthingJson.ReadArray(ref reader, Tag.ReadJson);
                    }
                    catch (AuthingSerializationException e)
                    {
                        throw e.WithParent("tags");
                    }

                    break;
                default:
                    AuthingJson.Skip(ref reader);
                    break;
            }
        }

        return new EchoData(value, tags);
    }
}

internal sealed record EchoResponse(int StatusCode, string? Message, string? RequestId, EchoData? Data)
{
    private static int s_reads;

    /// <summary>How many times any test ran this reader; lets a test prove the reader was skipped.</summary>
    public static int Reads => Volatile.Read(ref s_reads);

    public static EchoResponse ReadJson(ref Utf8JsonReader reader)
    {
        Interlocked.Increment(ref s_reads);
        AuthingJson.ExpectObject(ref reader);
        int statusCode = 0;
        string? message = null;
        string? requestId = null;
        EchoData? data = null;
        while (AuthingJson.NextProperty(ref reader, out string property))
        {
            try
            {
                switch (property)
                {
                    case "statusCode":
                        statusCode = (int)AuthingJson.ReadNumber(ref reader);
                        break;
                    case "message":
                        message = AuthingJson.ReadStringOrNull(ref reader);
                        break;
                    case "requestId":
                        requestId = AuthingJson.ReadStringOrNull(ref reader);
                        break;
                    case "data":
                        data = reader.TokenType == JsonTokenType.Null ? null : EchoData.ReadJson(ref reader);
                        break;
                    default:
                        AuthingJson.Skip(ref reader);
                        break;
                }
            }
            catch (AuthingSerializationException e)
            {
                throw e.WithParent(property);
            }
        }

        return new EchoResponse(statusCode, message, requestId, data);
    }
}

internal static class TestOperations
{
    public static readonly AuthingOperation<EchoRequest, EchoResponse> EchoGet =
        new("GET", "/api/v3/echo-get", EchoRequest.Write, EchoResponse.ReadJson);

    public static readonly AuthingOperation<EchoRequest, EchoResponse> EchoPost =
        new("POST", "/api/v3/echo-post", EchoRequest.Write, EchoResponse.ReadJson);

    /// <summary>An operation whose reader must never run, for envelopes that report a failure.</summary>
    public static AuthingOperation<EchoRequest, EchoResponse> Untouchable(string method, StrongBox<int> reads) =>
        new(method, "/api/v3/untouchable", EchoRequest.Write, (ref Utf8JsonReader reader) =>
        {
            reads.Value++;
            return EchoResponse.ReadJson(ref reader);
        });
}

/// <summary>A mutable box, so a lambda can count.</summary>
internal sealed class StrongBox<T>
{
    public T Value = default!;
}
