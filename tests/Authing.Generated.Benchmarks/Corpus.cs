using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using Authing.Generated.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace Authing.Generated.Benchmarks;

/// <summary>A reference page held in memory, handed to the generator as an AdditionalFile.</summary>
internal sealed class PageFile : AdditionalText
{
    private readonly SourceText _text;

    public PageFile(string path, string content)
    {
        Path = path;
        Content = content;
        _text = SourceText.From(content, Encoding.UTF8);
    }

    public override string Path { get; }

    public string Content { get; }

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}

/// <summary>The real pages in <c>../shared/corpus</c> and what a consumer compilation of their client needs.</summary>
internal static class Corpus
{
    private static readonly Lazy<string[]> s_paths = new(FindPages);
    private static readonly Lazy<ImmutableArray<MetadataReference>> s_references = new(LoadReferences);

    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest);

    /// <summary>Every page except the READMEs, in ordinal order of path.</summary>
    public static IReadOnlyList<string> Paths => s_paths.Value;

    public static PageFile[] LoadAll() => s_paths.Value.Select(Load).ToArray();

    /// <summary><paramref name="count"/> pages spread evenly over the corpus, so each sample mixes languages.</summary>
    public static PageFile[] LoadSample(int count)
    {
        string[] all = s_paths.Value;
        count = Math.Min(count, all.Length);
        var pages = new PageFile[count];
        for (int i = 0; i < count; i++)
        {
            pages[i] = Load(all[(int)((long)i * all.Length / count)]);
        }

        return pages;
    }

    public static PageFile Load(string path) => new(path, File.ReadAllText(path, Encoding.UTF8));

    /// <summary>An empty consumer project that references the runtime, as an application would.</summary>
    public static CSharpCompilation CreateConsumer() =>
        CSharpCompilation.Create(
            "Consumer",
            Array.Empty<SyntaxTree>(),
            s_references.Value,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                optimizationLevel: OptimizationLevel.Debug,
                deterministic: true));

    /// <summary>A driver as the compiler creates it for a build: no step tracking unless asked.</summary>
    public static GeneratorDriver CreateDriver(IEnumerable<AdditionalText> pages, bool trackSteps = false) =>
        CSharpGeneratorDriver.Create(
            new[] { new ClientGenerator().AsSourceGenerator() },
            pages,
            ParseOptions,
            optionsProvider: null,
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    private static string[] FindPages()
    {
        string corpus = Path.Combine(FindRoot(), "..", "shared", "corpus");
        return Directory.GetFiles(Path.GetFullPath(corpus), "*.md", SearchOption.AllDirectories)
            .Where(f => !string.Equals(Path.GetFileName(f), "README.md", StringComparison.OrdinalIgnoreCase))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToArray();
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Authing.Generated.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException(
            "The folder holding Authing.Generated.sln was not found above " + AppContext.BaseDirectory);
    }

    /// <summary>
    /// The base class library plus the runtime and the Microsoft.Extensions and Polly assemblies it exposes: what a
    /// console application referencing the runtime compiles against, without this process's ASP.NET Core.
    /// </summary>
    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        string frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p =>
            {
                string name = Path.GetFileName(p);
                return string.Equals(Path.GetDirectoryName(p), frameworkDirectory, StringComparison.Ordinal)
                    || name.StartsWith("Authing.Generated.Runtime", StringComparison.Ordinal)
                    || name.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal)
                    || name.StartsWith("Polly", StringComparison.Ordinal);
            });

        return paths
            .GroupBy(p => Path.GetFileName(p), StringComparer.OrdinalIgnoreCase)
            .Select(g => (MetadataReference)MetadataReference.CreateFromFile(g.Last()))
            .ToImmutableArray();
    }
}
