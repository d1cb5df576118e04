using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;
using Xunit.Abstractions;

namespace Authing.Generated.Tests.Corpus;

/// <summary>Every real page goes through the generator into one compilation with the runtime.</summary>
public class CorpusCompilationTests(ITestOutputHelper output)
{
    [Fact]
    public void Whole_corpus_compiles_without_errors_or_warnings()
    {
        var run = CorpusPages.Run;

        Assert.Empty(run.GeneratorExceptions());
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "AUTHGEN012");
        var problems = run.CompilationProblems();
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems.Take(30)));

        var sources = run.Sources;
        output.WriteLine($"pages: {CorpusPages.Paths.Length}");
        output.WriteLine($"operations: {sources.Count(s => s.SourceText.ToString().Contains("AuthingOperation<"))}");
        output.WriteLine($"types: {sources.Count(s => s.SourceText.ToString().Contains("IAuthingJsonValue\n"))}");
        output.WriteLine($"enums: {sources.Count(s => s.SourceText.ToString().Contains("IAuthingEnum\n"))}");
        output.WriteLine($"C# errors and warnings: {problems.Count}");
        foreach (var severity in new[] { DiagnosticSeverity.Warning, DiagnosticSeverity.Info })
        {
            var found = run.GeneratorDiagnostics.Where(d => d.Severity == severity).ToList();
            var ids = found.GroupBy(d => d.Id).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}: {g.Count()}");
            output.WriteLine($"AUTHGEN {severity}s: {found.Count} ({string.Join(", ", ids)})");
        }

        foreach (var group in run.GeneratorDiagnostics.GroupBy(d => d.Id).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"{group.Key} ({group.First().Severity}): {group.Count()}");
            foreach (var diagnostic in group.Take(3))
            {
                output.WriteLine("    " + diagnostic.GetMessage());
            }
        }
    }

    [Fact]
    public void Output_does_not_depend_on_the_order_pages_arrive_in()
    {
        var forward = CorpusPages.Run;
        var reversed = GeneratorHarness.Run(CorpusPages.Load(CorpusPages.Paths.Reverse().ToArray()), null);

        var a = forward.Sources.Select(s => (s.HintName, Text: s.SourceText.ToString())).OrderBy(s => s.HintName, StringComparer.Ordinal).ToList();
        var b = reversed.Sources.Select(s => (s.HintName, Text: s.SourceText.ToString())).OrderBy(s => s.HintName, StringComparer.Ordinal).ToList();
        Assert.Equal(a.Select(s => s.HintName), b.Select(s => s.HintName));
        for (var i = 0; i < a.Count; i++)
        {
            Assert.True(a[i].Text == b[i].Text, "differs: " + a[i].HintName);
        }

        Assert.Equal(
            forward.GeneratorDiagnostics.Select(d => d.ToString()).OrderBy(s => s, StringComparer.Ordinal),
            reversed.GeneratorDiagnostics.Select(d => d.ToString()).OrderBy(s => s, StringComparer.Ordinal));
    }

    [Fact]
    public void Every_diagnostic_points_into_a_page()
    {
        foreach (var diagnostic in CorpusPages.Run.GeneratorDiagnostics)
        {
            var span = diagnostic.Location.GetLineSpan();
            Assert.EndsWith(".md", span.Path, StringComparison.Ordinal);
            Assert.True(span.StartLinePosition.Line >= 0);
            Assert.Contains(".md", diagnostic.GetMessage(), StringComparison.Ordinal);
        }
    }
}
