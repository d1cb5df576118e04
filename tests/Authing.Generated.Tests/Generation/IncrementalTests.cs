using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace Authing.Generated.Tests.Generation;

/// <summary>An edit to one page reruns only that page's work; an unrelated C# edit reruns nothing.</summary>
public class IncrementalTests
{
    private static readonly string[] PerPageStages = { "PageInputs", "Pages", "PageDiagnostics" };
    private static readonly string[] OutputStages = { "Objects", "Enums", "Operations", "Clients" };

    [Fact]
    public void Editing_one_page_leaves_the_other_pages_cached()
    {
        var pages = ThreePages();
        var first = GeneratorHarness.Run(pages, null);
        var edited = new PageFile(pages[0].Path, File.ReadAllText(pages[0].Path).Replace("Tenant ID", "The tenant's ID"));

        var driver = first.Driver.ReplaceAdditionalText(pages[0], edited);
        var second = GeneratorHarness.Rerun(driver, GeneratorHarness.CreateCompilation());
        var steps = second.Result.Results.Single().TrackedSteps;

        foreach (var stage in PerPageStages)
        {
            var outputs = steps[stage].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
            Assert.True(outputs.Count == 3, stage + ": " + string.Join(", ", outputs));
            Assert.True(outputs.Count(r => r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged) >= 2, stage + ": " + string.Join(", ", outputs));
        }

        var parsed = steps["Pages"].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.Equal(1, parsed.Count(r => r == IncrementalStepRunReason.Modified));

        var changedOutputs = OutputStages
            .SelectMany(stage => steps[stage])
            .SelectMany(s => s.Outputs)
            .Count(o => o.Reason is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New);
        Assert.Equal(1, changedOutputs);
    }

    [Fact]
    public void Adding_an_unrelated_source_file_reruns_nothing()
    {
        var pages = ThreePages();
        var first = GeneratorHarness.Run(pages, null, "namespace Consumer { public class A { } }");
        var compilation = first.Output.AddSyntaxTrees(
            CSharpSyntaxTree.ParseText("namespace Consumer { public class B { } }", GeneratorHarness.ParseOptions));

        var second = GeneratorHarness.Rerun(first.Driver, compilation);
        var steps = second.Result.Results.Single().TrackedSteps;

        var reasons = steps
            .Where(p => PerPageStages.Contains(p.Key) || OutputStages.Contains(p.Key) || p.Key == "Catalog")
            .SelectMany(p => p.Value)
            .SelectMany(s => s.Outputs)
            .Select(o => o.Reason)
            .ToList();
        Assert.NotEmpty(reasons);
        Assert.All(reasons, r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, r.ToString()));
    }

    [Fact]
    public void Model_holds_no_roslyn_objects_past_the_input_stage()
    {
        var run = GeneratorHarness.Run(ThreePages(), null);
        var steps = run.Result.Results.Single().TrackedSteps;

        foreach (var stage in new[] { "Pages", "Catalog", "Objects", "Operations", "Enums", "Clients" })
        {
            foreach (var output in steps[stage].SelectMany(s => s.Outputs))
            {
                var type = output.Value.GetType();
                Assert.False(type.Namespace?.StartsWith("Microsoft.CodeAnalysis", System.StringComparison.Ordinal) ?? false, type.FullName);
            }
        }
    }

    private static PageFile[] ThreePages() =>
        new[]
        {
            PageFile.FromDisk(Path.Combine(RepositoryPaths.Specs, "association-ext-idp.md")),
            PageFile.FromDisk(Path.Combine(TestPages.Directory, "query-with-arrays-and-enums.md")),
            PageFile.FromDisk(Path.Combine(TestPages.Directory, "nested-and-recursive.md")),
        };
}
