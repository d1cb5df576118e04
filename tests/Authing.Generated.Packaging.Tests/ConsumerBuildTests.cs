using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;

namespace Authing.Generated.Packaging.Tests;

/// <summary>
/// Brand-new projects outside the repository reference the packed packages and run a real <c>dotnet build</c>, so the
/// compiler loads the generator from the package exactly as in a user's build.
/// </summary>
[Collection(PackagingCollection.Name)]
public sealed class ConsumerBuildTests
{
    /// <summary>The compiler could not create (CS8032), initialize (CS8784) or run (CS8785) a generator.</summary>
    private static readonly string[] GeneratorFailures = { "CS8032", "CS8784", "CS8785" };

    private readonly PackagingScenario _scenario;
    private readonly ITestOutputHelper _output;

    public ConsumerBuildTests(PackagingScenario scenario, ITestOutputHelper output)
    {
        _scenario = scenario;
        _output = output;
    }

    [Fact]
    public async Task A_new_project_builds_from_the_packages_with_no_warning_but_the_broken_pages()
    {
        var consumer = await _scenario.DefaultConsumer;
        Report(consumer.Build);

        var diagnostics = BuildDiagnostic.Parse(consumer.Build.Output);

        Assert.True(consumer.Build.Succeeded, consumer.Build.ToString());
        Assert.DoesNotContain(diagnostics, d => GeneratorFailures.Contains(d.Id));
        var others = diagnostics
            .Where(d => !(d.Id is "AUTHGEN003" or "AUTHGEN004" && IsPage(d, PackagingScenario.BrokenPage)))
            .ToList();
        Assert.True(others.Count == 0, BuildDiagnostic.Describe(others));
    }

    [Fact]
    public async Task The_generated_method_is_called_against_the_sandbox_package()
    {
        var run = await _scenario.DefaultConsumerRun;
        Report(run);

        Assert.True(run.Succeeded, run.ToString());
        Assert.Contains("success: True, requestId: ", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_page_is_reported_at_its_file_line_and_column()
    {
        var consumer = await _scenario.DefaultConsumer;
        var page = File.ReadAllLines(Path.Combine(consumer.Folder, "specs", PackagingScenario.BrokenPage));
        var shortRow = LineOf(page, "| onlyone |");
        var emptyName = LineOf(page, "|            | string |");
        var typelessHeader = LineOf(page, "| Name | Description |");

        var diagnostics = BuildDiagnostic.Parse(consumer.Build.Output)
            .Where(d => IsPage(d, PackagingScenario.BrokenPage))
            .ToList();

        var rows = diagnostics.Where(d => d.Id == "AUTHGEN004").Select(d => (d.Line, d.Column, d.Severity)).Order();
        Assert.Equal(new[] { (shortRow, 1, "warning"), (emptyName, 1, "warning") }, rows);
        var table = Assert.Single(diagnostics, d => d.Id == "AUTHGEN003");
        Assert.Equal((typelessHeader, 1, "warning"), (table.Line, table.Column, table.Severity));
        Assert.Contains("'broken-page.md'", table.Message, StringComparison.Ordinal);
        Assert.True(Path.IsPathRooted(table.Path), table.ToString());
    }

    [Fact]
    public async Task The_namespace_client_name_and_stated_endpoint_reach_the_generator()
    {
        var consumer = await _scenario.DefaultConsumer;
        Assert.True(consumer.Build.Succeeded, consumer.Build.ToString());

        var generated = GeneratedFiles(consumer);

        // Program.cs compiles only against Contoso.Identity.ContosoManagement, so the build proves those two names.
        // One file a page, named after it.
        Assert.Contains("association-ext-idp.g.cs", generated.Keys);
        var stated = generated["stated-endpoint.g.cs"];
        Assert.Contains("StatedEndpointAsync(", stated, StringComparison.Ordinal);
        Assert.Contains("namespace Contoso.Identity", stated, StringComparison.Ordinal);
        Assert.Contains("\"PUT\",", stated, StringComparison.Ordinal);
        Assert.Contains("\"/api/v3/stated/endpoint\",", stated, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_AOT_compatible_build_and_a_trimmed_publish_report_no_trim_or_AOT_warnings()
    {
        var consumer = await _scenario.DefaultConsumer;
        var publish = await _scenario.TrimmedPublish;
        Report(publish);

        Assert.True(publish.Succeeded, publish.ToString());
        var trimming = BuildDiagnostic.Parse(consumer.Build.Output + publish.Output)
            .Where(d => IsTrimOrAot(d.Id))
            .ToList();
        Assert.True(trimming.Count == 0, BuildDiagnostic.Describe(trimming));
        Assert.True(File.Exists(Path.Combine(consumer.Folder, "publish", "Consumer.dll")), publish.ToString());
    }

    [Fact]
    public async Task The_specs_folder_is_a_setting()
    {
        var consumer = await _scenario.OtherFolderConsumer;
        Report(consumer.Build);

        AssertOnlyTheSeedPageWasRead(consumer);
    }

    [Fact]
    public async Task The_default_pages_can_be_switched_off_and_pages_listed_by_hand()
    {
        var consumer = await _scenario.ListedPagesConsumer;
        Report(consumer.Build);

        AssertOnlyTheSeedPageWasRead(consumer);
    }

    private static void AssertOnlyTheSeedPageWasRead(PackagingScenario.Consumer consumer)
    {
        Assert.True(consumer.Build.Succeeded, consumer.Build.ToString());
        var diagnostics = BuildDiagnostic.Parse(consumer.Build.Output);
        Assert.True(diagnostics.Count == 0, BuildDiagnostic.Describe(diagnostics));
        var generated = GeneratedFiles(consumer).Keys;
        Assert.Contains("association-ext-idp.g.cs", generated);
        Assert.DoesNotContain("stated-endpoint.g.cs", generated);
    }

    /// <summary>The generator's files, which the consumer asks the compiler to write under obj/.</summary>
    private static Dictionary<string, string> GeneratedFiles(PackagingScenario.Consumer consumer)
    {
        var folder = Path.Combine(
            consumer.Folder, "obj", "Debug", "net10.0", "generated", "Authing.Generated.Generator");
        Assert.True(Directory.Exists(folder), "No generated files in " + folder + Environment.NewLine + consumer.Build);
        return Directory.GetFiles(folder, "*.g.cs", SearchOption.AllDirectories)
            .ToDictionary(path => Path.GetFileName(path), File.ReadAllText, StringComparer.Ordinal);
    }

    private static int LineOf(string[] lines, string start)
    {
        var index = Array.FindIndex(lines, line => line.StartsWith(start, StringComparison.Ordinal));
        Assert.True(index >= 0, "The page has no line starting with " + start);
        return index + 1;
    }

    private static bool IsPage(BuildDiagnostic diagnostic, string page) =>
        diagnostic.Path.Replace('\\', '/').EndsWith("/specs/" + page, StringComparison.Ordinal);

    private static bool IsTrimOrAot(string id) =>
        id.Length == 6
        && (id.StartsWith("IL2", StringComparison.Ordinal) || id.StartsWith("IL3", StringComparison.Ordinal));

    private void Report(CommandResult result) =>
        _output.WriteLine($"{result.CommandLine}: exit {result.ExitCode} in {result.Elapsed.TotalSeconds:F1} s");
}
