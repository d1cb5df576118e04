using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace Authing.Generated.Tests.Generation;

/// <summary>
/// An edit to one page reruns only that page's work; an unrelated C# edit reruns nothing; and whatever is cached,
/// the output after an edit is what a fresh run over the edited pages gives.
/// </summary>
public class IncrementalTests
{
    private static readonly string[] PerPageStages = { "PageInputs", "Pages", "Outlines", "PagePlans", "PageCode", "PageDiagnostics" };
    private static readonly string[] CodeStages = { "Catalog", "SharedCode", "Clients", "CatalogDiagnostics" };

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

        // Only wording changed, so the pages are not merged again.
        var merge = steps["Catalog"].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.All(merge, r => Assert.Equal(IncrementalStepRunReason.Cached, r));

        Assert.Equal(new[] { first.FileDeclaring("AssociationExtIdpAsync") }, ChangedFiles(first, second));
        var emitted = second.Result.Results.Single().TrackedOutputSteps.SelectMany(p => p.Value).SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.Equal(1, emitted.Count(r => r is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New));
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
            .Where(p => PerPageStages.Contains(p.Key) || CodeStages.Contains(p.Key))
            .Concat(second.Result.Results.Single().TrackedOutputSteps)
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

        foreach (var stage in new[] { "Pages", "Outlines", "Catalog", "PagePlans", "PageCode", "SharedCode", "Clients" })
        {
            foreach (var output in steps[stage].SelectMany(s => s.Outputs))
            {
                var type = output.Value.GetType();
                Assert.False(type.Namespace?.StartsWith("Microsoft.CodeAnalysis", System.StringComparison.Ordinal) ?? false, type.FullName);
            }
        }
    }

    [Fact]
    public void Rewording_a_field_another_page_merged_in_changes_only_that_type()
    {
        var pages = ThreePages().Append(GrownTree("tree-grown.md")).ToArray();
        var first = GeneratorHarness.Run(pages, null);
        var before = first.Sources.Single(s => s.SourceText.ToString().Contains("public sealed partial record TreeNodeDto", StringComparison.Ordinal));
        Assert.Contains("How heavy the node is", before.SourceText.ToString(), StringComparison.Ordinal);

        var edited = new PageFile(pages[3].Path, pages[3].GetText()!.ToString().Replace("How heavy the node is", "The node's weight in grams", StringComparison.Ordinal));
        var second = GeneratorHarness.Rerun(first.Driver.ReplaceAdditionalText(pages[3], edited), GeneratorHarness.CreateCompilation());

        var after = second.Declaration("TreeNodeDto");
        Assert.Contains("The node's weight in grams", after, StringComparison.Ordinal);
        Assert.DoesNotContain("How heavy the node is", after, StringComparison.Ordinal);
        Assert.Equal(new[] { before.HintName }, ChangedFiles(first, second));
    }

    [Fact]
    public void After_a_new_row_the_pages_are_merged_again_but_only_pages_whose_code_changed_are_filled_again()
    {
        var pages = ThreePages();
        var first = GeneratorHarness.Run(pages, null);
        var text = pages[2].GetText()!.ToString();
        var row = "| owner | <a href=\"#PersonDto\">PersonDto</a> | no | The owner | |";
        var edited = new PageFile(pages[2].Path, text.Replace(row, row + "\n| color | string | no | The color | |", StringComparison.Ordinal));

        var second = GeneratorHarness.Rerun(first.Driver.ReplaceAdditionalText(pages[2], edited), GeneratorHarness.CreateCompilation());
        var steps = second.Result.Results.Single().TrackedSteps;

        Assert.Equal(IncrementalStepRunReason.Modified, steps["Catalog"].Single().Outputs.Single().Reason);
        var filled = steps["PageCode"].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.True(filled.Count(r => r == IncrementalStepRunReason.Cached) == 2, "PageCode: " + string.Join(", ", filled));
        Assert.Contains("Color", second.Declaration("TreeNodeDto"), StringComparison.Ordinal);
        Assert.Equal(new[] { first.FileDeclaring("TreeNodeDto") }, ChangedFiles(first, second));
    }

    [Fact]
    public void A_merge_diagnostic_follows_its_table_when_lines_are_added_above_it()
    {
        var pages = ThreePages().Append(GrownTree()).ToArray();
        var first = GeneratorHarness.Run(pages, null);
        var before = first.GeneratorDiagnostics.Single(d => d.Id == "AUTHGEN007");
        var page = Array.FindIndex(pages, p => p.Path == before.Location.GetLineSpan().Path);
        Assert.True(page >= 0, "AUTHGEN007 points at no page: " + before);

        var text = pages[page].GetText()!.ToString();
        var edited = new PageFile(pages[page].Path, "Two lines\nmore.\n" + text);
        var second = GeneratorHarness.Rerun(first.Driver.ReplaceAdditionalText(pages[page], edited), GeneratorHarness.CreateCompilation());

        var after = second.GeneratorDiagnostics.Single(d => d.Id == "AUTHGEN007");
        Assert.Equal(before.Location.GetLineSpan().StartLinePosition.Line + 2, after.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Equal(before.GetMessage(), after.GetMessage());
    }

    /// <summary>
    /// Edits of every kind: wording, wording in a type two pages define, lines, rows, titles, whole pages; and
    /// whether the pages must be merged again for it (only when what reaches the code's shape changes). An empty
    /// text to find stands for the whole page.
    /// </summary>
    public static TheoryData<string, int, string, string, bool> Edits() => new()
    {
        { "a field's wording", 0, "Tenant ID", "The tenant's ID", false },
        { "a merged field's wording", 3, "How heavy the node is", "Weight in grams", false },
        { "a structure's wording", 2, "| The root node |", "| The node at the top |", false },
        { "lines added above the tables", 2, "Creates a tree", "Creates a tree\n\nIt may be deep.", false },
        { "a title", 1, "# List widgets", "# List all widgets", false },
        { "a row added", 2, "| owner | <a href=\"#PersonDto\">PersonDto</a> | no | The owner | |", "| owner | <a href=\"#PersonDto\">PersonDto</a> | no | The owner | |\n| color | string | no | The color | |", true },
        { "a row removed", 3, "| weight | number | no | How heavy the node is | |\n", string.Empty, true },
        { "the page emptied", 3, string.Empty, "(nothing here)", true },
    };

    [Theory]
    [MemberData(nameof(Edits))]
    public void After_an_edit_the_output_is_that_of_a_fresh_run(string edit, int page, string find, string replace, bool merges)
    {
        var pages = ThreePages().Append(GrownTree()).ToArray();
        var first = GeneratorHarness.Run(pages, null);
        var text = pages[page].GetText()!.ToString();
        var changedText = find.Length == 0 ? replace : text.Replace(find, replace, StringComparison.Ordinal);
        Assert.True(changedText != text, edit + ": the edit changed nothing");

        var edited = new PageFile(pages[page].Path, changedText);
        var incremental = GeneratorHarness.Rerun(first.Driver.ReplaceAdditionalText(pages[page], edited), GeneratorHarness.CreateCompilation());
        var editedPages = pages.Select((p, i) => i == page ? edited : p).ToArray();
        var fresh = GeneratorHarness.Run(editedPages, null);

        Assert.NotEqual(Output(first), Output(fresh));
        Assert.Equal(Output(fresh), Output(incremental));

        var merge = incremental.Result.Results.Single().TrackedSteps["Catalog"].SelectMany(s => s.Outputs).Single().Reason;
        Assert.True(merges == (merge != IncrementalStepRunReason.Cached), edit + ": the merge was " + merge);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Pages_added_removed_and_edited_in_any_order_give_what_a_fresh_run_gives(int seed)
    {
        // The way compilers and IDEs run generators: without step tracking, one driver kept across the edits.
        var random = new Random(seed);
        var all = ThreePages().Append(GrownTree()).Append(GrownTree("tree-grown.md")).ToList();
        var pages = all.Take(4).Cast<AdditionalText>().ToList();
        var compilation = GeneratorHarness.CreateCompilation();
        var driver = GeneratorHarness.CreateDriver(pages, trackSteps: false).RunGenerators(compilation);
        var log = new List<string>();
        for (var step = 0; step < 14; step++)
        {
            var choice = random.Next(5);
            if (choice == 0 && pages.Count > 1)
            {
                var removed = pages[random.Next(pages.Count)];
                pages.Remove(removed);
                driver = driver.RemoveAdditionalTexts(ImmutableArray.Create(removed));
                log.Add("removed " + Path.GetFileName(removed.Path));
            }
            else if (choice == 1 && all.FirstOrDefault(p => pages.All(q => q.Path != p.Path)) is { } missing)
            {
                pages.Add(missing);
                driver = driver.AddAdditionalTexts(ImmutableArray.Create<AdditionalText>(missing));
                log.Add("added " + Path.GetFileName(missing.Path));
            }
            else if (choice == 2)
            {
                compilation = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class Edit" + step + " { }", GeneratorHarness.ParseOptions));
                log.Add("edited C#");
            }
            else
            {
                // A reworded title, or a new row in the first table (a shape edit).
                var index = random.Next(pages.Count);
                var text = pages[index].GetText()!.ToString();
                var separator = text.IndexOf("| ---", StringComparison.Ordinal);
                var changed = choice == 3 || separator < 0
                    ? text.Insert(Math.Max(0, text.IndexOf('\n')), " again")
                    : text.Insert(text.IndexOf('\n', separator) + 1, "| added" + step + " | string | no | - | Added | |\n");
                var edited = new PageFile(pages[index].Path, changed);
                driver = driver.ReplaceAdditionalText(pages[index], edited);
                pages[index] = edited;
                log.Add((choice == 3 ? "reworded " : "added a row to ") + Path.GetFileName(edited.Path));
            }

            driver = driver.RunGenerators(compilation);
            var fresh = GeneratorHarness.CreateDriver(pages, trackSteps: false).RunGenerators(compilation);
            Assert.True(Produced(fresh).SequenceEqual(Produced(driver)), "after " + string.Join(", ", log));
        }
    }

    [Fact]
    public void The_shared_code_is_filled_again_only_when_a_page_it_takes_texts_from_changes()
    {
        // The later page in path order adds a field to the tree node type: its texts are on two pages.
        var pages = ThreePages().Append(GrownTree("tree-grown.md")).ToArray();
        var first = GeneratorHarness.Run(pages, null);
        Assert.Equal("SharedTypes.g.cs", first.FileDeclaring("TreeNodeDto"));

        // The widgets page has no part in the tree node type.
        var widgets = new PageFile(pages[1].Path, pages[1].GetText()!.ToString().Replace("# List widgets", "# List all widgets", StringComparison.Ordinal));
        var unrelated = GeneratorHarness.Rerun(first.Driver.ReplaceAdditionalText(pages[1], widgets), GeneratorHarness.CreateCompilation());
        Assert.Equal(IncrementalStepRunReason.Cached, SharedCodeStep(unrelated));

        var tree = new PageFile(pages[3].Path, pages[3].GetText()!.ToString().Replace("How heavy the node is", "Weight in grams", StringComparison.Ordinal));
        var related = GeneratorHarness.Rerun(first.Driver.ReplaceAdditionalText(pages[3], tree), GeneratorHarness.CreateCompilation());
        Assert.Equal(IncrementalStepRunReason.Modified, SharedCodeStep(related));
        Assert.Contains("Weight in grams", related.Declaration("TreeNodeDto"), StringComparison.Ordinal);
    }

    [Fact]
    public void Two_operation_pages_at_one_path_are_filled_from_the_right_one_after_an_edit()
    {
        // A host can hand over two texts for one path; all their code is shared, and each text is taken from the
        // page it is on, in the order the pages came.
        var seed = PageFile.FromDisk(Path.Combine(RepositoryPaths.Specs, "association-ext-idp.md"));
        var one = new PageFile("/pages/twin.md", HostilePages.Page("Twin", new[] { HostilePages.Row("id", "string", description: "First wording") }, "TwinRespDto"));
        var two = new PageFile("/pages/twin.md", HostilePages.Page(
            "Twin",
            new[] { HostilePages.Row("id", "string", description: "Second wording") },
            "TwinRespDto",
            HostilePages.Structure("TwinItemDto", HostilePages.StructureRow("label", "string", description: "Only here"))));
        var pages = new[] { seed, one, two };
        var first = GeneratorHarness.Run(pages, null);

        var edited = new PageFile(two.Path, two.GetText()!.ToString().Replace("Only here", "Only on the second", StringComparison.Ordinal));
        var incremental = GeneratorHarness.Rerun(first.Driver.ReplaceAdditionalText(two, edited), GeneratorHarness.CreateCompilation());
        var fresh = GeneratorHarness.Run(new[] { seed, one, edited }, null);

        Assert.Equal(Output(fresh), Output(incremental));
        Assert.Contains("First wording", incremental.Declaration("TwinDto"), StringComparison.Ordinal);
        Assert.Contains("Only on the second", incremental.Declaration("TwinItemDto"), StringComparison.Ordinal);
    }

    private static IncrementalStepRunReason SharedCodeStep(GeneratorRun run) =>
        run.Result.Results.Single().TrackedSteps["SharedCode"].SelectMany(s => s.Outputs).Single().Reason;

    /// <summary>The files whose text differs between two runs, or that only one of them has.</summary>
    private static List<string> ChangedFiles(GeneratorRun before, GeneratorRun after)
    {
        var old = before.Sources.ToDictionary(s => s.HintName, s => s.SourceText.ToString(), StringComparer.Ordinal);
        var now = after.Sources.ToDictionary(s => s.HintName, s => s.SourceText.ToString(), StringComparer.Ordinal);
        return old.Keys.Union(now.Keys)
            .Where(name => !old.TryGetValue(name, out var a) || !now.TryGetValue(name, out var b) || a != b)
            .OrderBy(name => name, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>What a driver's last run produced: its files and its diagnostics, in a fixed order.</summary>
    private static List<string> Produced(GeneratorDriver driver)
    {
        var result = driver.GetRunResult();
        return result.GeneratedTrees.Select(t => Path.GetFileName(t.FilePath) + "\n" + t.GetText())
            .Concat(result.Diagnostics.Select(d => d.ToString()))
            .OrderBy(s => s, StringComparer.Ordinal)
            .ToList();
    }

    private static List<string> Output(GeneratorRun run) =>
        run.Sources.Select(s => s.HintName + "\n" + s.SourceText)
            .Concat(run.GeneratorDiagnostics.Select(d => d.ToString()))
            .OrderBy(s => s, StringComparer.Ordinal)
            .ToList();

    /// <summary>A second page that defines the tree node type with one more field, so the two are merged.</summary>
    private static PageFile GrownTree(string fileName = "grow-tree.md")
    {
        var text = TestPages.Read("nested-and-recursive.md")
            .Replace("# Create a tree", "# Grow a tree", StringComparison.Ordinal)
            .Replace(
                "| owner | <a href=\"#PersonDto\">PersonDto</a> | no | The owner | |",
                "| owner | <a href=\"#PersonDto\">PersonDto</a> | no | The owner | |\n| weight | number | no | How heavy the node is | |",
                StringComparison.Ordinal);
        return new PageFile(Path.Combine(TestPages.Directory, fileName), text);
    }

    private static PageFile[] ThreePages() =>
        new[]
        {
            PageFile.FromDisk(Path.Combine(RepositoryPaths.Specs, "association-ext-idp.md")),
            PageFile.FromDisk(Path.Combine(TestPages.Directory, "query-with-arrays-and-enums.md")),
            PageFile.FromDisk(Path.Combine(TestPages.Directory, "nested-and-recursive.md")),
        };
}
