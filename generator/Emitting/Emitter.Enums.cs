using Authing.Generated.Generator.Model;

namespace Authing.Generated.Generator.Emitting;

internal static partial class Emitter
{
    /// <summary>
    /// An extensible enumeration: a struct over the wire string with the listed values as static members,
    /// so a value the page did not list still reads, compares and writes back unchanged.
    /// </summary>
    private static void WriteEnum(SourceWriter writer, EnumSpec spec)
    {
        var name = spec.Name;
        writer.Doc(Text.Summary(spec.Doc, "The values a field of the Authing API takes."));
        writer.Doc("<remarks>Values the page does not list are kept as they are; see <see cref=\"IsKnown\"/>.</remarks>");
        writer.Line("[global::System.Diagnostics.DebuggerDisplay(\"{Value}\")]");
        writer.Open("public readonly partial struct " + name + " : global::System.IEquatable<" + name + ">, " + Runtime + ".IAuthingEnum");
        writer.Line("private readonly string? _value;");
        writer.Line();
        writer.Doc("<summary>Creates a value from its wire string.</summary>");
        writer.Doc("<param name=\"value\">The string sent on the wire.</param>");
        writer.Open("public " + name + "(string value)");
        writer.Line("_value = value ?? throw new global::System.ArgumentNullException(nameof(value));");
        writer.Close();
        writer.Line();
        foreach (var member in spec.Members)
        {
            writer.Doc(Text.Summary(member.Doc, member.Value));
            writer.Doc("<remarks>Wire value <c>" + Text.Xml(member.Value) + "</c>.</remarks>");
            writer.Line("public static " + name + " " + member.Name + " { get; } = new " + name + "(" + Text.Literal(member.Value) + ");");
            writer.Line();
        }

        writer.Doc("<summary>The string sent on the wire.</summary>");
        writer.Line("public string Value => _value ?? string.Empty;");
        writer.Line();
        writer.Doc("<summary>Whether the value is one the page lists.</summary>");
        writer.Open("public bool IsKnown");
        writer.Open("get");
        writer.Open("switch (Value)");
        foreach (var member in spec.Members)
        {
            writer.Line("case " + Text.Literal(member.Value) + ":");
        }

        if (spec.Members.Count > 0)
        {
            writer.Line("    return true;");
        }

        writer.Line("default:");
        writer.Line("    return false;");
        writer.Close();
        writer.Close();
        writer.Close();
        writer.Line();
        writer.Doc("<inheritdoc/>");
        writer.Line("public bool Equals(" + name + " other) => string.Equals(Value, other.Value, global::System.StringComparison.Ordinal);");
        writer.Line();
        writer.Doc("<inheritdoc/>");
        writer.Line("public override bool Equals(object? obj) => obj is " + name + " other && Equals(other);");
        writer.Line();
        writer.Doc("<inheritdoc/>");
        writer.Line("public override int GetHashCode() => global::System.StringComparer.Ordinal.GetHashCode(Value);");
        writer.Line();
        writer.Doc("<summary>Returns the wire string.</summary>");
        writer.Line("public override string ToString() => Value;");
        writer.Line();
        writer.Doc("<summary>Compares two values by their wire strings.</summary>");
        writer.Line("public static bool operator ==(" + name + " left, " + name + " right) => left.Equals(right);");
        writer.Line();
        writer.Doc("<summary>Compares two values by their wire strings.</summary>");
        writer.Line("public static bool operator !=(" + name + " left, " + name + " right) => !left.Equals(right);");
        writer.Line();
        writer.Doc("<summary>Wraps a wire string.</summary>");
        writer.Line("public static implicit operator " + name + "(string value) => new " + name + "(value);");
        writer.Line();
        writer.Doc("<summary>Writes the wire string.</summary>");
        writer.Doc("<param name=\"writer\">The writer to write to.</param>");
        writer.Line("public void WriteJson(" + Json + ".Utf8JsonWriter writer) => writer.WriteStringValue(Value);");
        writer.Line();
        writer.Doc("<summary>Reads a wire string, listed or not.</summary>");
        writer.Doc("<param name=\"reader\">A reader positioned on a string.</param>");
        writer.Doc("<returns>The value read.</returns>");
        writer.Line("public static " + name + " ReadJson(ref " + Json + ".Utf8JsonReader reader) => new " + name + "(" + Runtime + ".AuthingJson.ReadString(ref reader));");
        writer.Close();
    }
}
