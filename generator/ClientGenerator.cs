using System;
using System.Collections.Immutable;
using System.Threading;
using Authing.Generated.Generator.Diagnostics;
using Authing.Generated.Generator.Emitting;
using Authing.Generated.Generator.Merging;
using Authing.Generated.Generator.Model;
using Authing.Generated.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Authing.Generated.Generator;

/// <summary>Generates a typed Authing client from the reference pages (<c>.md</c> AdditionalFiles) of a project.</summary>
[Generator(LanguageNames.CSharp)]
public sealed class ClientGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var settings = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => SettingsReader.Read(options.GlobalOptions))
            .WithTrackingName(TrackingNames.Settings);

        var pageInputs = context.AdditionalTextsProvider
            .Where(static file => file.Path.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, _) => new PageInput(pair.Left, SettingsReader.ReadEndpoint(pair.Right.GetOptions(pair.Left))))
            .WithTrackingName(TrackingNames.PageInputs);

        var pages = pageInputs
            .Select(static (input, cancellationToken) => ParseSafely(input, cancellationToken))
            .WithTrackingName(TrackingNames.Pages);

        var catalog = pages.Collect()
            .Combine(settings)
            .Select(static (pair, _) => BuildSafely(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.Catalog);

        var objects = catalog.SelectMany(static (c, _) => c.Objects).WithTrackingName(TrackingNames.Objects);
        var enums = catalog.SelectMany(static (c, _) => c.Enums).WithTrackingName(TrackingNames.Enums);
        var operations = catalog.SelectMany(static (c, _) => c.Operations).WithTrackingName(TrackingNames.Operations);
        var clients = catalog.SelectMany(static (c, _) => c.Clients).WithTrackingName(TrackingNames.Clients);
        var pageDiagnostics = pages.Select(static (p, _) => p.Diagnostics).WithTrackingName(TrackingNames.PageDiagnostics);
        var catalogDiagnostics = catalog.Select(static (c, _) => c.Diagnostics).WithTrackingName(TrackingNames.CatalogDiagnostics);

        context.RegisterSourceOutput(objects, static (spc, spec) => AddSource(spc, spec.HintName, spec.SourcePage, () => Emitter.EmitObject(spec)));
        context.RegisterSourceOutput(enums, static (spc, spec) => AddSource(spc, spec.HintName, spec.SourcePage, () => Emitter.EmitEnum(spec)));
        context.RegisterSourceOutput(operations, static (spc, spec) => AddSource(spc, spec.HintName, spec.SourcePage, () => Emitter.EmitOperation(spec)));
        context.RegisterSourceOutput(clients, static (spc, spec) => AddSource(spc, spec.HintName, spec.Name, () => Emitter.EmitClient(spec)));
        context.RegisterSourceOutput(pageDiagnostics, static (spc, diagnostics) => Report(spc, diagnostics));
        context.RegisterSourceOutput(catalogDiagnostics, static (spc, diagnostics) => Report(spc, diagnostics));
    }

    private static PageModel ParseSafely(PageInput input, CancellationToken cancellationToken)
    {
        var path = input.File.Path;
        try
        {
            var text = input.File.GetText(cancellationToken);
            return PageParser.Parse(path, text?.ToString(), input.Endpoint, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception exception)
        {
            // A page the parser cannot handle must not take the other pages' output down with it. The parser is not
            // called again here: if it failed to initialise (Markdig not loadable), it would throw once more.
            var fileName = System.IO.Path.GetFileName(path);
            return PageModel.WithoutCode(
                path,
                fileName,
                System.IO.Path.GetFileNameWithoutExtension(path),
                DiagnosticInfo.Create("AUTHGEN012", SourceSpot.File(path), fileName, Describe(exception)));
        }
    }

    private static CatalogModel BuildSafely(ImmutableArray<PageModel> pages, GeneratorSettings settings)
    {
        try
        {
            return CatalogBuilder.Build(pages, settings);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Without a catalog nothing can be emitted, but the build must still say why instead of failing silently.
            var failure = DiagnosticInfo.Create(
                "AUTHGEN012", SourceSpot.File(pages.IsEmpty ? string.Empty : pages[0].FilePath), "(all pages)", Describe(exception));
            return new CatalogModel(
                EquatableArray<ObjectSpec>.Empty,
                EquatableArray<EnumSpec>.Empty,
                EquatableArray<OperationSpec>.Empty,
                EquatableArray<ClientSpec>.Empty,
                new[] { failure }.ToEquatableArray());
        }
    }

    private static void AddSource(SourceProductionContext context, string hintName, string sourcePage, Func<string> emit)
    {
        string text;
        try
        {
            text = emit();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.GeneratorFailure, Location.None, sourcePage, Describe(exception)));
            return;
        }

        context.AddSource(hintName, SourceText.From(text, System.Text.Encoding.UTF8));
    }

    private static string Describe(Exception exception) => exception.GetType().Name + ": " + exception.Message;

    private static void Report(SourceProductionContext context, EquatableArray<DiagnosticInfo> diagnostics)
    {
        foreach (var info in diagnostics)
        {
            var descriptor = DiagnosticDescriptors.Find(info.Id);
            if (descriptor is null)
            {
                continue;
            }

            var spot = info.Spot;
            var location = Location.Create(
                spot.FilePath,
                new TextSpan(spot.Start, spot.Length),
                new LinePositionSpan(new LinePosition(spot.Line, spot.Column), new LinePosition(spot.EndLine, spot.EndColumn)));
            var arguments = new object[info.Arguments.Count];
            for (var i = 0; i < arguments.Length; i++)
            {
                arguments[i] = info.Arguments[i];
            }

            context.ReportDiagnostic(Diagnostic.Create(descriptor, location, arguments));
        }
    }

    /// <summary>A page file and the endpoint its project item states, if any.</summary>
    private sealed class PageInput : IEquatable<PageInput>
    {
        public PageInput(AdditionalText file, EndpointOverride? endpoint)
        {
            File = file;
            Endpoint = endpoint;
        }

        public AdditionalText File { get; }

        public EndpointOverride? Endpoint { get; }

        public bool Equals(PageInput? other) =>
            other is not null && ReferenceEquals(File, other.File) && Equals(Endpoint, other.Endpoint);

        public override bool Equals(object? obj) => Equals(obj as PageInput);

        public override int GetHashCode() => File.GetHashCode();
    }
}
