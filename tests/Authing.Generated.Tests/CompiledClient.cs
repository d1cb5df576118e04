using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Authing.Generated.Generator.Merging;
using Authing.Generated.Generator.Model;
using Authing.Generated.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace Authing.Generated.Tests;

/// <summary>
/// Pages generated, compiled and loaded, with a small probe compiled beside them so tests can call the
/// generated readers (which take a <c>ref</c> reader, out of reach of reflection) and client methods by name.
/// </summary>
internal sealed class CompiledClient
{
    private readonly MethodInfo _read;
    private readonly MethodInfo _call;

    private CompiledClient(Assembly assembly, CatalogModel catalog)
    {
        Assembly = assembly;
        Catalog = catalog;
        var probe = assembly.GetType("Probe.Entry")!;
        _read = probe.GetMethod("Read")!;
        _call = probe.GetMethod("Call")!;
    }

    public Assembly Assembly { get; }

    public CatalogModel Catalog { get; }

    public static CompiledClient Build(IReadOnlyList<PageFile> pages, AnalyzerConfigOptionsProvider? options = null)
    {
        var models = pages
            .Select(p => PageParser.Parse(p.Path, p.GetText()?.ToString(), Endpoint(options, p), CancellationToken.None))
            .ToImmutableArrayOf();
        var catalog = CatalogBuilder.Build(models, GeneratorSettings.Default);
        var run = GeneratorHarness.Run(pages, options, ProbeSource(catalog));
        var errors = run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors.Take(20)));

        using var image = new MemoryStream();
        var emitted = run.Output.Emit(image);
        Assert.True(emitted.Success, string.Join(Environment.NewLine, emitted.Diagnostics.Take(20)));
        image.Position = 0;
        var context = new AssemblyLoadContext("generated-" + Guid.NewGuid().ToString("N"), isCollectible: true);
        return new CompiledClient(context.LoadFromStream(image), catalog);
    }

    /// <summary>Reads JSON as the generated type of that name; throws what the generated reader throws.</summary>
    public object Read(string typeName, byte[] json) => Invoke(_read, typeName, json);

    /// <summary>Calls a client method with its request read from JSON, and returns its typed reply.</summary>
    public async Task<object> Call(object client, string methodName, byte[]? requestJson) =>
        await (Task<object>)Invoke(_call, client, methodName, requestJson);

    public object CreateClient(AuthingClientOptions options) =>
        Activator.CreateInstance(Assembly.GetType("Authing.Generated.ManagementClient")!, options, null)!;

    private static object Invoke(MethodInfo method, params object?[] arguments)
    {
        try
        {
            return method.Invoke(null, arguments)!;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }

    private static EndpointOverride? Endpoint(AnalyzerConfigOptionsProvider? options, PageFile page)
    {
        if (options is null)
        {
            return null;
        }

        var fileOptions = options.GetOptions(page);
        fileOptions.TryGetValue("build_metadata.AdditionalFiles.AuthingHttpMethod", out var method);
        fileOptions.TryGetValue("build_metadata.AdditionalFiles.AuthingPath", out var path);
        return string.IsNullOrEmpty(method) && string.IsNullOrEmpty(path) ? null : new EndpointOverride(method?.ToUpperInvariant(), string.IsNullOrEmpty(path) ? null : path);
    }

    private static string ProbeSource(CatalogModel catalog)
    {
        var source = new StringBuilder();
        source.AppendLine("namespace Probe;");
        source.AppendLine("public static class Entry {");
        source.AppendLine("public static object Read(string type, byte[] json) {");
        source.AppendLine("var reader = new System.Text.Json.Utf8JsonReader(json);");
        source.AppendLine("global::Authing.Generated.Runtime.AuthingJson.Next(ref reader);");
        source.AppendLine("switch (type) {");
        foreach (var type in catalog.Objects)
        {
            source.AppendLine($"case \"{type.Name}\": return global::{type.Namespace}.{type.Name}.ReadJson(ref reader);");
        }

        source.AppendLine("default: throw new System.ArgumentException(\"no generated type \" + type); } }");
        source.AppendLine("public static System.Threading.Tasks.Task<object> Call(object client, string method, byte[]? json) {");
        source.AppendLine("var reader = new System.Text.Json.Utf8JsonReader(json ?? System.Array.Empty<byte>());");
        source.AppendLine("if (json is not null) global::Authing.Generated.Runtime.AuthingJson.Next(ref reader);");
        source.AppendLine("switch (method) {");
        foreach (var operation in catalog.Operations.Where(o => o.ClientName == GeneratorSettings.DefaultManagementClient))
        {
            var call = operation.RequestTypeName is null
                ? $"c.{operation.MethodName}()"
                : $"c.{operation.MethodName}(global::{operation.Namespace}.{operation.RequestTypeName}.ReadJson(ref reader))";
            source.AppendLine($"case \"{operation.MethodName}\": {{ var c = (global::{operation.Namespace}.{operation.ClientName})client; var task = {call}; return Box(task); }}");
        }

        source.AppendLine("default: throw new System.ArgumentException(\"no generated method \" + method); } }");
        source.AppendLine("private static async System.Threading.Tasks.Task<object> Box<T>(System.Threading.Tasks.Task<T> task) => (object)(await task)!;");
        source.AppendLine("}");
        return source.ToString();
    }
}

internal static class ImmutableArrayExtensions
{
    public static System.Collections.Immutable.ImmutableArray<T> ToImmutableArrayOf<T>(this IEnumerable<T> items) =>
        System.Collections.Immutable.ImmutableArray.CreateRange(items);
}
