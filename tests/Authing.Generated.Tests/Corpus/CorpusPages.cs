using System;
using System.IO;
using System.Linq;

namespace Authing.Generated.Tests.Corpus;

/// <summary>The real reference pages in <c>../shared/corpus</c>, read in place.</summary>
internal static class CorpusPages
{
    private static readonly Lazy<string[]> Files = new(() =>
        Directory.GetFiles(RepositoryPaths.Corpus, "*.md", SearchOption.AllDirectories)
            .Where(f => !string.Equals(Path.GetFileName(f), "README.md", StringComparison.OrdinalIgnoreCase))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToArray());

    private static readonly Lazy<GeneratorRun> All = new(() => GeneratorHarness.Run(Load(Paths), null));

    public static string[] Paths => Files.Value;

    /// <summary>One generator run over the whole corpus, shared by the tests that only read it.</summary>
    public static GeneratorRun Run => All.Value;

    public static PageFile[] Load(string[] paths) => paths.Select(PageFile.FromDisk).ToArray();
}
