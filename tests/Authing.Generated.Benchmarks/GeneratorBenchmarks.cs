using System;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;

namespace Authing.Generated.Benchmarks;

/// <summary>
/// The generator over the whole corpus, beside the consumer build it is part of. The Ratio column of
/// <see cref="GeneratorOnly"/> is the generator's share of the build; <see cref="OneEditedPage"/> over
/// <see cref="GeneratorOnly"/> is what an edit costs against a full run: a reworded page, as in most edits, and a
/// page whose table gains a row, which makes the generator merge all pages again.
/// </summary>
[SimpleJob(warmupCount: 3, iterationCount: 10)]
public class GeneratorBenchmarks
{
    private static readonly string[] PerPageStages = { "PageInputs", "Pages", "Outlines", "PagePlans", "PageCode", "PageDiagnostics" };

    private PageFile[] _pages = Array.Empty<PageFile>();
    private CSharpCompilation _consumer = null!;
    private GeneratorDriver _warmDriver = null!;
    private PageFile _original = null!;
    private PageFile _edited = null!;
    private PageFile _reshaped = null!;

    [GlobalSetup]
    public void Setup()
    {
        _pages = Corpus.LoadAll();
        _consumer = Corpus.CreateConsumer();
        _original = _pages.First(p => p.Path.Replace('\\', '/').EndsWith("en/management/管理身份源/association-ext-idp.md", StringComparison.Ordinal));
        _edited = new PageFile(_original.Path, _original.Content.Replace("Tenant ID", "The tenant's ID", StringComparison.Ordinal));
        string lastRow = _original.Content.Split('\n').First(l => l.StartsWith("| tenantId", StringComparison.Ordinal));
        _reshaped = new PageFile(_original.Path, _original.Content.Replace(lastRow, lastRow + "\n| locale | string | no | - | Locale of the call | |", StringComparison.Ordinal));
        if (_edited.Content == _original.Content || _reshaped.Content == _original.Content)
        {
            throw new InvalidOperationException("An edit did not change " + _original.Path);
        }

        _warmDriver = Corpus.CreateDriver(_pages).RunGenerators(_consumer);
        CheckOneEditReusesTheOtherPages();
    }

    /// <summary>What <c>dotnet build</c> of a consumer does: run the generator, then bind and emit everything.</summary>
    [Benchmark(Baseline = true)]
    public EmitResult GeneratorAndCompile()
    {
        Corpus.CreateDriver(_pages).RunGeneratorsAndUpdateCompilation(_consumer, out Compilation output, out _);
        output.GetParseDiagnostics();
        output.GetDeclarationDiagnostics();
        using var assembly = new MemoryStream();
        using var symbols = new MemoryStream();
        EmitResult result = output.Emit(assembly, symbols, options: new EmitOptions(debugInformationFormat: DebugInformationFormat.PortablePdb));
        if (!result.Success)
        {
            throw new InvalidOperationException("The generated client does not compile: " + result.Diagnostics.First(d => d.Severity == DiagnosticSeverity.Error));
        }

        return result;
    }

    /// <summary>A first run of the generator over every page, including parsing its output into syntax trees.</summary>
    [Benchmark]
    public GeneratorDriver GeneratorOnly() => Corpus.CreateDriver(_pages).RunGenerators(_consumer);

    /// <summary>One page edited in a driver that has already run over the whole corpus.</summary>
    [Benchmark]
    public GeneratorDriver OneEditedPage() => _warmDriver.ReplaceAdditionalText(_original, _edited).RunGenerators(_consumer);

    /// <summary>One page given another request row in a driver that has already run over the whole corpus.</summary>
    [Benchmark]
    public GeneratorDriver OneReshapedPage() => _warmDriver.ReplaceAdditionalText(_original, _reshaped).RunGenerators(_consumer);

    /// <summary>Each edit must rerun only its own page: anything else would make the timings above meaningless.</summary>
    private void CheckOneEditReusesTheOtherPages()
    {
        GeneratorDriver tracked = Corpus.CreateDriver(_pages, trackSteps: true).RunGenerators(_consumer);
        CheckOnlyItsPageReruns(tracked, _edited);
        CheckOnlyItsPageReruns(tracked, _reshaped);
    }

    private void CheckOnlyItsPageReruns(GeneratorDriver tracked, PageFile edit)
    {
        GeneratorRunResult result = tracked.ReplaceAdditionalText(_original, edit).RunGenerators(_consumer)
            .GetRunResult().Results.Single();
        if (result.Exception is not null)
        {
            throw new InvalidOperationException("The generator failed on the edit.", result.Exception);
        }

        foreach (string stage in PerPageStages)
        {
            var reasons = result.TrackedSteps[stage].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
            int rerun = reasons.Count(r => r is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));
            if (reasons.Count != _pages.Length || rerun > 1)
            {
                throw new InvalidOperationException(
                    $"{stage}: {reasons.Count} outputs for {_pages.Length} pages, {rerun} not cached or unchanged after one edit.");
            }
        }

        int parsed = result.TrackedSteps["Pages"].SelectMany(s => s.Outputs).Count(o => o.Reason == IncrementalStepRunReason.Modified);
        if (parsed != 1)
        {
            throw new InvalidOperationException($"Pages: {parsed} pages modified by one edit, expected 1.");
        }
    }
}
