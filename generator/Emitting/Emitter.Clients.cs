using Authing.Generated.Generator.Model;

namespace Authing.Generated.Generator.Emitting;

internal static partial class Emitter
{
    /// <summary>The client class's state and constructors, and its dependency-injection registration.</summary>
    // Limitation: the authentication client signs with the access key pair like the management client; the
    // authentication API's user-token flows are not implemented.
    public static string EmitClient(ClientSpec spec)
    {
        var writer = Begin(spec.Namespace, "from all the reference pages");
        var name = spec.Name;
        var options = PublicRuntime + ".AuthingClientOptions";
        var callOptions = PublicRuntime + ".AuthingCallOptions";
        var transport = Runtime + ".AuthingTransport";

        writer.Doc(Text.Summary(spec.Doc, name));
        writer.Doc("<remarks>One instance serves any number of concurrent calls.</remarks>");
        writer.Open("public sealed partial class " + name + " : global::System.IDisposable");
        writer.Line("private readonly " + transport + " _transport;");
        writer.Line("private readonly " + callOptions + "? _callOptions;");
        writer.Line("private readonly bool _ownsTransport;");
        writer.Line();
        writer.Doc("<summary>Creates a client with its own connection pool, retries and signing.</summary>");
        writer.Doc("<param name=\"options\">Keys, host and behaviour; validated here.</param>");
        writer.Doc("<param name=\"loggerFactory\">Where request logs go; none when omitted.</param>");
        writer.Line("public " + name + "(" + options + " options, global::Microsoft.Extensions.Logging.ILoggerFactory? loggerFactory = null)");
        writer.Line("    : this(" + transport + ".Create(options, loggerFactory), null, ownsTransport: true)");
        writer.Open();
        writer.Close();
        writer.Line();
        writer.Doc("<summary>Creates a client over a transport, as dependency injection does.</summary>");
        writer.Doc("<param name=\"transport\">The transport that signs and sends requests.</param>");
        writer.Line("public " + name + "(" + transport + " transport)");
        writer.Line("    : this(transport, null, ownsTransport: false)");
        writer.Open();
        writer.Close();
        writer.Line();
        writer.Open("private " + name + "(" + transport + " transport, " + callOptions + "? callOptions, bool ownsTransport)");
        writer.Line("_transport = transport ?? throw new global::System.ArgumentNullException(nameof(transport));");
        writer.Line("_callOptions = callOptions;");
        writer.Line("_ownsTransport = ownsTransport;");
        writer.Close();
        writer.Line();
        writer.Doc("<summary>Returns a client that sends every call with these tenant and language settings.</summary>");
        writer.Doc("<param name=\"callOptions\">The settings that override the client's options.</param>");
        writer.Doc("<returns>A client sharing this one's connections.</returns>");
        writer.Open("public " + name + " With(" + callOptions + " callOptions)");
        writer.Line("global::System.ArgumentNullException.ThrowIfNull(callOptions);");
        writer.Line("return new " + name + "(_transport, callOptions, ownsTransport: false);");
        writer.Close();
        writer.Line();
        writer.Doc("<summary>Releases the connections of a client created from options; a client over a given transport leaves it open.</summary>");
        writer.Open("public void Dispose()");
        writer.Open("if (_ownsTransport)");
        writer.Line("_transport.Dispose();");
        writer.Close();
        writer.Close();
        writer.Close();
        writer.Line();

        var services = "global::Microsoft.Extensions.DependencyInjection.IServiceCollection";
        var builder = "global::Microsoft.Extensions.DependencyInjection.IHttpClientBuilder";
        var registration = "global::Authing.Generated.AuthingServiceCollectionExtensions.AddAuthingClient";
        writer.Doc("<summary>Registers <see cref=\"" + name + "\"/> with dependency injection.</summary>");
        writer.Open("public static class " + name + "ServiceCollectionExtensions");
        writer.Doc("<summary>Registers the client over <c>IHttpClientFactory</c>, with options bound from the <c>Authing</c> section and validated at start-up.</summary>");
        writer.Doc("<param name=\"services\">The service collection.</param>");
        writer.Doc("<param name=\"configuration\">Configuration holding an <c>Authing</c> section.</param>");
        writer.Doc("<returns>The HTTP client builder, to add handlers.</returns>");
        writer.Line("public static " + builder + " Add" + name + "(this " + services + " services, global::Microsoft.Extensions.Configuration.IConfiguration configuration) =>");
        writer.Line("    " + registration + "<" + name + ">(services, configuration, static transport => new " + name + "(transport));");
        writer.Line();
        writer.Doc("<summary>Registers the client over <c>IHttpClientFactory</c>, with options set in code and validated at start-up.</summary>");
        writer.Doc("<param name=\"services\">The service collection.</param>");
        writer.Doc("<param name=\"configure\">Sets the options.</param>");
        writer.Doc("<returns>The HTTP client builder, to add handlers.</returns>");
        writer.Line("public static " + builder + " Add" + name + "(this " + services + " services, global::System.Action<" + options + "> configure) =>");
        writer.Line("    " + registration + "<" + name + ">(services, static transport => new " + name + "(transport), configure);");
        writer.Close();
        return End(writer);
    }
}
