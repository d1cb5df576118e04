using System.Globalization;
using Authing.Generated.Generator.Model;

namespace Authing.Generated.Generator.Emitting;

internal static partial class Emitter
{
    /// <summary>A record for a data structure or response, or a class for an operation's request parameters.</summary>
    private static void WriteObject(SourceWriter writer, ObjectSpec spec)
    {
        writer.Doc(Text.Summary(spec.Doc, spec.IsRequest ? "The parameters of an operation." : "A data structure of the Authing API."));
        var kind = spec.IsRequest ? "class" : "record";
        writer.Open("public sealed partial " + kind + " " + spec.Name + " : " + Runtime + ".IAuthingJsonValue");

        foreach (var property in spec.Properties)
        {
            EmitProperty(writer, property, spec.Namespace, spec.IsRequest);
        }

        EmitWriteJson(writer, spec);
        writer.Line();
        EmitReadJson(writer, spec);
        if (spec.IsRequest)
        {
            writer.Line();
            EmitWriteParameters(writer, spec);
        }

        writer.Close();
    }

    /// <summary>
    /// An operation's own parameters are strict: a required one is non-nullable and checked before sending.
    /// Data structures also describe replies, whose required flags the pages do not always keep, so there a
    /// required field must be set when building a value but may be absent when reading one: it stays nullable.
    /// </summary>
    private static void EmitProperty(SourceWriter writer, PropertySpec property, string ns, bool strict)
    {
        writer.Doc(Text.Summary(property.Doc, "The field " + property.JsonName + "."));
        var presence = !property.Required ? "; optional." : strict ? "; required." : "; required when building a value, though a reply may leave it out.";
        writer.Doc("<remarks>JSON name: <c>" + Text.Xml(property.JsonName) + "</c>" + presence + "</remarks>");
        var required = property.Required ? "required " : string.Empty;
        var type = strict ? TypeOf(property, ns) : LocalType(property, ns);
        writer.Line("public " + required + type + " " + property.Name + " { get; init; }");
        writer.Line();
    }

    private static void EmitWriteJson(SourceWriter writer, ObjectSpec spec)
    {
        writer.Doc("<summary>Writes this value as a JSON object.</summary>");
        writer.Doc("<param name=\"writer\">The writer to write to.</param>");
        writer.Open("public void WriteJson(" + Json + ".Utf8JsonWriter writer)");
        writer.Line("writer.WriteStartObject();");
        for (var i = 0; i < spec.Properties.Count; i++)
        {
            var property = spec.Properties[i];
            var value = "value" + i.ToString(CultureInfo.InvariantCulture);
            var name = Text.Literal(property.JsonName);
            if (!spec.IsRequest || NeedsPresenceCheck(property))
            {
                writer.Open("if (this." + property.Name + " is { } " + value + ")");
            }
            else
            {
                writer.Open();
                writer.Line("var " + value + " = this." + property.Name + ";");
            }

            writer.Line("writer.WritePropertyName(" + name + ");");
            if (property.IsArray)
            {
                writer.Line("writer.WriteStartArray();");
                writer.Open("foreach (var item in " + value + ")");
                writer.Line(WriteValue(property.Shape, "item"));
                writer.Close();
                writer.Line("writer.WriteEndArray();");
            }
            else
            {
                writer.Line(WriteValue(property.Shape, value));
            }

            writer.Close();
        }

        writer.Line("writer.WriteEndObject();");
        writer.Close();
    }

    private static bool NeedsPresenceCheck(PropertySpec property) =>
        !property.Required || !(IsValueType(property));

    private static string WriteValue(ValueShape shape, string value) => shape switch
    {
        ValueShape.String => "writer.WriteStringValue(" + value + ");",
        ValueShape.Number => Runtime + ".AuthingJson.WriteNumber(writer, " + value + ");",
        ValueShape.Boolean => "writer.WriteBooleanValue(" + value + ");",
        ValueShape.Object or ValueShape.Enum => value + ".WriteJson(writer);",
        _ => Runtime + ".AuthingJson.WriteNode(writer, " + value + ");",
    };

    private static void EmitReadJson(SourceWriter writer, ObjectSpec spec)
    {
        writer.Doc("<summary>Reads a value from the JSON object the reader is positioned on.</summary>");
        writer.Doc("<param name=\"reader\">A reader positioned on the object's start.</param>");
        writer.Doc("<returns>The value read.</returns>");
        writer.Open("public static " + spec.Name + " ReadJson(ref " + Json + ".Utf8JsonReader reader)");
        writer.Line(Runtime + ".AuthingJson.ExpectObject(ref reader, " + Text.Literal(spec.Name) + ");");
        for (var i = 0; i < spec.Properties.Count; i++)
        {
            var property = spec.Properties[i];
            var index = i.ToString(CultureInfo.InvariantCulture);
            writer.Line(LocalType(property, spec.Namespace) + " value" + index + " = default;");
            if (property.Required && spec.IsRequest)
            {
                writer.Line("var seen" + index + " = false;");
            }
        }

        writer.Open("while (true)");
        writer.Line(Runtime + ".AuthingJson.Next(ref reader);");
        writer.Open("if (reader.TokenType == " + Json + ".JsonTokenType.EndObject)");
        writer.Line("break;");
        writer.Close();
        writer.Line();
        for (var i = 0; i < spec.Properties.Count; i++)
        {
            var property = spec.Properties[i];
            var index = i.ToString(CultureInfo.InvariantCulture);
            var keyword = i == 0 ? "if" : "else if";
            writer.Open(keyword + " (reader.ValueTextEquals(" + Text.Utf8Literal(property.JsonName) + "))");
            writer.Line(Runtime + ".AuthingJson.Next(ref reader);");
            writer.Open("try");
            writer.Line("value" + index + " = " + ReadValue(property, spec.Namespace) + ";");
            writer.Close();
            writer.Open("catch (" + PublicRuntime + ".AuthingSerializationException exception)");
            writer.Line("throw exception.WithParent(" + Text.Literal(property.JsonName) + ");");
            writer.Close();
            if (property.Required && spec.IsRequest)
            {
                writer.Line("seen" + index + " = true;");
            }

            writer.Close();
        }

        if (spec.Properties.Count == 0)
        {
            writer.Open();
        }
        else
        {
            writer.Open("else");
        }

        writer.Line(Runtime + ".AuthingJson.Next(ref reader);");
        writer.Line(Runtime + ".AuthingJson.Skip(ref reader);");
        writer.Close();
        writer.Close();
        writer.Line();
        for (var i = 0; i < spec.Properties.Count; i++)
        {
            var property = spec.Properties[i];
            if (!property.Required || !spec.IsRequest)
            {
                continue;
            }

            var index = i.ToString(CultureInfo.InvariantCulture);
            var missing = "!seen" + index + (IsValueType(property) || IsPlainJson(property) ? string.Empty : " || value" + index + " is null");
            writer.Open("if (" + missing + ")");
            writer.Line("throw " + Runtime + ".AuthingJson.MissingProperty(" + Text.Literal(property.JsonName) + ", " + Text.Literal(spec.Name) + ");");
            writer.Close();
        }

        writer.Line();
        writer.Line("return new " + spec.Name);
        writer.Open();
        for (var i = 0; i < spec.Properties.Count; i++)
        {
            var property = spec.Properties[i];
            var index = i.ToString(CultureInfo.InvariantCulture);
            var value = "value" + index;
            if (property.Required && spec.IsRequest && IsValueType(property))
            {
                value += ".GetValueOrDefault()";
            }
            else if (property.Required && spec.IsRequest && !IsPlainJson(property))
            {
                value += "!";
            }

            writer.Line(property.Name + " = " + value + ",");
        }

        writer.Close(";");
        writer.Close();
    }

    /// <summary>Locals are always nullable so a missing required value can be told apart from a default one.</summary>
    private static string LocalType(PropertySpec property, string ns)
    {
        var optional = property with { Required = false };
        return TypeOf(optional, ns);
    }

    private static string ReadValue(PropertySpec property, string ns)
    {
        var read = property.IsArray
            ? Runtime + ".AuthingJson.ReadArray<" + ElementType(property, ns) + ">(ref reader, " + ElementReader(property, ns) + ")"
            : ElementReader(property, ns) + "(ref reader)";
        if (IsPlainJson(property))
        {
            return read;
        }

        var empty = IsValueType(property) ? "(" + LocalType(property, ns) + ")null" : "null";
        return "reader.TokenType == " + Json + ".JsonTokenType.Null ? " + empty + " : " + read;
    }

    /// <summary>A single free-form JSON value, where JSON <c>null</c> is itself a value.</summary>
    private static bool IsPlainJson(PropertySpec property) => property.Shape == ValueShape.Json && !property.IsArray;

    private static string ElementReader(PropertySpec property, string ns) => property.Shape switch
    {
        ValueShape.String => Runtime + ".AuthingJson.ReadString",
        ValueShape.Number => Runtime + ".AuthingJson.ReadNumber",
        ValueShape.Boolean => Runtime + ".AuthingJson.ReadBoolean",
        ValueShape.Object or ValueShape.Enum => "global::" + ns + "." + property.TypeName + ".ReadJson",
        _ => Runtime + ".AuthingJson.ReadNode",
    };
}
