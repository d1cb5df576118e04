using System.Globalization;
using Authing.Generated.Generator.Model;

namespace Authing.Generated.Generator.Emitting;

internal static partial class Emitter
{
    /// <summary>
    /// Hands each set parameter to the request builder in table order; a required parameter left unset throws
    /// <see cref="System.ArgumentException"/> naming it before anything is sent.
    /// </summary>
    private static void EmitWriteParameters(SourceWriter writer, ObjectSpec spec)
    {
        writer.Doc("<summary>Adds the set parameters to a request, in the order of the page's table.</summary>");
        writer.Doc("<param name=\"builder\">The request being built.</param>");
        writer.Open("internal void WriteParameters(" + Runtime + ".AuthingRequestBuilder builder)");
        for (var i = 0; i < spec.Properties.Count; i++)
        {
            var property = spec.Properties[i];
            var value = "value" + i.ToString(CultureInfo.InvariantCulture);
            var name = Text.Literal(property.JsonName);
            var add = "builder." + AddMethod(property) + "(" + name + ", " + value + ");";
            if (property.Required && IsValueType(property))
            {
                writer.Line("var " + value + " = this." + property.Name + ";");
                writer.Line(add);
                continue;
            }

            if (property.Required)
            {
                writer.Open("if (this." + property.Name + " is not { } " + value + ")");
                var message = "The required parameter '" + property.JsonName + "' (" + property.Name + ") of " + spec.Name + " is not set.";
                writer.Line("throw new global::System.ArgumentException(" + Text.Literal(message) + ", \"request\");");
                writer.Close();
                writer.Line();
                writer.Line(add);
                continue;
            }

            writer.Open("if (this." + property.Name + " is { } " + value + ")");
            writer.Line(add);
            writer.Close();
        }

        writer.Close();
    }

    private static string AddMethod(PropertySpec property) => (property.Shape, property.IsArray) switch
    {
        (ValueShape.String, false) => "AddString",
        (ValueShape.String, true) => "AddStringArray",
        (ValueShape.Number, false) => "AddNumber",
        (ValueShape.Number, true) => "AddNumberArray",
        (ValueShape.Boolean, false) => "AddBoolean",
        (ValueShape.Boolean, true) => "AddBooleanArray",
        (ValueShape.Enum, false) => "AddEnum",
        (ValueShape.Enum, true) => "AddEnumArray",
        (ValueShape.Object, false) => "AddObject",
        (ValueShape.Object, true) => "AddObjectArray",
        (_, false) => "AddJson",
        (_, true) => "AddJsonArray",
    };
}
