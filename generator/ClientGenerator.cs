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

        // The pages are merged without their wording, so an edit that only rewords a page leaves its outline equal
        // and the merge cached; the wording is then filled into the code of that page alone.
        var outlines = pages
            .Select(static (page, _) => PageOutline.Of(page))
            .WithTrackingName(TrackingNames.Outlines);

        // A plan is made again only when an outline changed, and then it has almost always changed too: rather than
        // compare the whole plan, the next step compares each page's part of it.
        var catalog = outlines.Collect()
            .Combine(settings)
            .Select(static (pair, _) => PlanSafely(pair.Left, pair.Right))
            .WithComparer(ReferenceEqualityComparer<CatalogPlan>.Instance)
            .WithTrackingName(TrackingNames.Catalog);

        // Each page with its part of the plan: a page whose part is unchanged is not filled again after a merge.
        var pagePlans = pages.Combine(catalog)
            .Select(static (pair, _) => Documentation.PlannedFor(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.PagePlans);

        var pageCode = pagePlans
            .Select(static (plan, _) => FillSafely(plan.Page.FilePath, () => Documentation.FillPage(plan)))
            .WithTrackingName(TrackingNames.PageCode);

        // Code whose texts are on several pages is filled from those pages, again when one of them or the plan changes.
        var sharedSources = pagePlans
            .Where(static plan => plan.FeedsShared)
            .Select(static (plan, _) => plan.Page)
            .WithTrackingName(TrackingNames.SharedSources)
            .Collect();
        var sharedCode = catalog.Combine(sharedSources)
            .Select(static (pair, _) => FillSafely(string.Empty, () => Documentation.FillShared(pair.Left, pair.Right)))
            .WithTrackingName(TrackingNames.SharedCode);

        var clients = catalog.SelectMany(static (c, _) => c.Clients).WithTrackingName(TrackingNames.Clients);
        var pageDiagnostics = pages.Select(static (p, _) => p.Diagnostics).WithTrackingName(TrackingNames.PageDiagnostics);
        var catalogDiagnostics = catalog.Select(static (c, _) => c.Diagnostics).WithTrackingName(TrackingNames.CatalogDiagnostics);

        // Each page's code is one file, emitted with the page's merge diagnostics: the compiler checks each added file's
        // name against all those added before it, on every run, so a file per type would cost far more.
        context.RegisterSourceOutput(pageCode, static (spc, code) => Emit(spc, code));
        context.RegisterSourceOutput(sharedCode, static (spc, code) => Emit(spc, code));
        context.RegisterSourceOutput(clients, static (spc, spec) => AddSource(spc, spec.HintName, spec.Name, () => Emitter.EmitClient(spec)));
        context.RegisterSourceOutput(pageDiagnostics, static (spc, diagnostics) => Report(spc, diagnostics));
        context.RegisterSourceOutput(catalogDiagnostics, static (spc, diagnostics) => Report(spc, diagnostics));
    }

    private static void Emit(SourceProductionContext context, PageCode code)
    {
        if (code.HasCode)
        {
            AddSource(context, code.HintName, Label(code.FilePath), () => Emitter.EmitPage(code));
        }

        Report(context, code.Diagnostics);
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

    private static CatalogPlan PlanSafely(ImmutableArray<PageModel> pages, GeneratorSettings settings)
    {
        try
        {
            return CatalogBuilder.Plan(pages, settings);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Without a catalog nothing can be emitted, but the build must still say why instead of failing silently.
            var failure = DiagnosticInfo.Create(
                "AUTHGEN012", SourceSpot.File(pages.IsEmpty ? string.Empty : pages[0].FilePath), "(all pages)", Describe(exception));
            return new CatalogPlan(
                EquatableArray<PageCode>.Empty,
                PageCode.Empty(string.Empty),
                EquatableArray<ClientSpec>.Empty,
                new[] { failure }.ToEquatableArray());
        }
    }

    private static PageCode FillSafely(string filePath, Func<PageCode> fill)
    {
        try
        {
            return fill();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The plan and the pages disagree; the page's code is left out rather than emitted with wrong comments.
            var failure = DiagnosticInfo.Create("AUTHGEN012", SourceSpot.File(filePath), Label(filePath), Describe(exception));
            return PageCode.Empty(filePath) with { Diagnostics = new[] { new MergeDiagnostic(failure) }.ToEquatableArray() };
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

    /// <summary>A page's file name, or what stands for the pages of shared code, which has no path.</summary>
    private static string Label(string filePath) => filePath.Length == 0 ? "(several pages)" : System.IO.Path.GetFileName(filePath);

    private static string Describe(Exception exception) => exception.GetType().Name + ": " + exception.Message;

    private static void Report(SourceProductionContext context, EquatableArray<MergeDiagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            Report(context, diagnostic.Info);
        }
    }

    private static void Report(SourceProductionContext context, EquatableArray<DiagnosticInfo> diagnostics)
    {
        foreach (var info in diagnostics)
        {
            Report(context, info);
        }
    }

    private static void Report(SourceProductionContext context, DiagnosticInfo info)
    {
        var descriptor = DiagnosticDescriptors.Find(info.Id);
        if (descriptor is null)
        {
            return;
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
