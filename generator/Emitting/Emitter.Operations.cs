using Authing.Generated.Generator.Model;

namespace Authing.Generated.Generator.Emitting;

internal static partial class Emitter
{
    /// <summary>One client method, in a part of its client class, and the static description of its endpoint.</summary>
    private static void WriteOperation(SourceWriter writer, OperationSpec spec)
    {
        var response = "global::" + spec.Namespace + "." + spec.ResponseTypeName;
        var request = spec.RequestTypeName is null ? "object?" : "global::" + spec.Namespace + "." + spec.RequestTypeName;
        var field = "s_" + char.ToLowerInvariant(spec.MethodName[0]) + spec.MethodName.Substring(1);
        var writeParameters = spec.RequestTypeName is null
            ? "static (_, _) => { }"
            : "static (request, builder) => request.WriteParameters(builder)";

        writer.Open("public sealed partial class " + spec.ClientName);
        writer.Line("private static readonly " + Runtime + ".AuthingOperation<" + request + ", " + response + "> " + field + " = new(");
        writer.Line("    " + Text.Literal(spec.HttpMethod) + ",");
        writer.Line("    " + Text.Literal(spec.Path) + ",");
        writer.Line("    " + writeParameters + ",");
        writer.Line("    " + response + ".ReadJson);");
        writer.Line();

        writer.Doc(Text.Summary(spec.Summary, spec.MethodName));
        writer.Doc("<remarks>");
        if (Text.Xml(spec.Remarks) is { Length: > 0 } remarks)
        {
            writer.Doc("<para>" + remarks.Replace("\n", "<br/>\n") + "</para>");
        }

        writer.Doc("<para>Sends <c>" + Text.Xml(spec.HttpMethod + " " + spec.Path) + "</c>, as described by the reference page <c>" + Text.Xml(spec.SourcePage) + "</c>.</para>");
        writer.Doc("</remarks>");
        if (spec.RequestTypeName is not null)
        {
            writer.Doc("<param name=\"request\">The operation's parameters" + (spec.RequestIsOptional ? "; all are optional." : ".") + "</param>");
        }

        writer.Doc("<param name=\"cancellationToken\">Cancels the call, including any wait between retries.</param>");
        writer.Doc("<returns>The reply: its envelope and data.</returns>");
        writer.Doc("<exception cref=\"" + PublicRuntime + ".AuthingApiException\">The service answered with a status code other than 200.</exception>");
        writer.Doc("<exception cref=\"" + PublicRuntime + ".AuthingHttpException\">The reply was not a JSON envelope, or its HTTP status was not a success.</exception>");
        writer.Doc("<exception cref=\"" + PublicRuntime + ".AuthingSerializationException\">The reply does not match the page's types.</exception>");

        var returnType = "global::System.Threading.Tasks.Task<" + response + ">";
        var token = "global::System.Threading.CancellationToken cancellationToken = default";
        if (spec.RequestTypeName is null)
        {
            writer.Open("public " + returnType + " " + spec.MethodName + "(" + token + ")");
            writer.Line("return _transport.SendAsync(" + field + ", null, _callOptions, cancellationToken);");
        }
        else if (spec.RequestIsOptional)
        {
            writer.Open("public " + returnType + " " + spec.MethodName + "(" + request + "? request = null, " + token + ")");
            writer.Line("return _transport.SendAsync(" + field + ", request ?? new " + request + "(), _callOptions, cancellationToken);");
        }
        else
        {
            writer.Open("public " + returnType + " " + spec.MethodName + "(" + request + " request, " + token + ")");
            writer.Line("global::System.ArgumentNullException.ThrowIfNull(request);");
            writer.Line("return _transport.SendAsync(" + field + ", request, _callOptions, cancellationToken);");
        }

        writer.Close();
        writer.Close();
    }
}
