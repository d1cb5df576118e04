using System.IO;
using System.Linq;
using Xunit;

namespace Authing.Generated.Tests.Generation;

/// <summary>The generated source for known pages, compared file by file with committed expected output.</summary>
public class SnapshotTests
{
    [Fact]
    public void Seed_page()
    {
        var run = GeneratorHarness.Run(PageFile.FromDisk(Path.Combine(RepositoryPaths.Specs, "association-ext-idp.md")));

        Assert.Equal(
            new[] { "ManagementClient.g.cs", "association-ext-idp.g.cs" },
            run.Sources.Select(s => s.HintName).OrderBy(n => n, System.StringComparer.Ordinal).ToArray());
        foreach (var source in run.Sources)
        {
            SnapshotAssert.Matches("seed", source.HintName, source.SourceText.ToString());
        }
    }

    [Theory]
    [InlineData("query-with-arrays-and-enums.md")]
    [InlineData("nested-and-recursive.md")]
    public void Own_pages(string page)
    {
        var run = GeneratorHarness.Run(PageFile.FromDisk(Path.Combine(TestPages.Directory, page)));

        Assert.NotEmpty(run.Sources);
        foreach (var source in run.Sources)
        {
            SnapshotAssert.Matches(Path.GetFileNameWithoutExtension(page), source.HintName, source.SourceText.ToString());
        }
    }
}
