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
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Authing.Generated.Tests;

/// <summary>An in-memory page handed to the generator as an AdditionalFile.</summary>
internal sealed class PageFile : AdditionalText
{
    private readonly SourceText? _text;

    public PageFile(string path, string? content)
    {
        Path = path;
        _text = content is null ? null : SourceText.From(content, Encoding.UTF8);
    }

    public PageFile(string path, SourceText text)
    {
        Path = path;
        _text = text;
    }

    public override string Path { get; }

    public override SourceText? GetText(CancellationToken cancellationToken = default) => _text;

    public static PageFile FromDisk(string path) =>
        new(path, SourceText.From(File.OpenRead(path), Encoding.UTF8, canBeEmbedded: false, throwIfBinaryDetected: false));
}

/// <summary>Options the compiler would hand the generator from MSBuild: global properties and per-file metadata.</summary>
internal sealed class TestOptionsProvider : AnalyzerConfigOptionsProvider
{
    private readonly TestOptions _global;
    private readonly IReadOnlyDictionary<string, TestOptions> _perFile;

    public TestOptionsProvider(IDictionary<string, string>? global = null, IDictionary<string, IDictionary<string, string>>? perFile = null)
    {
        _global = new TestOptions(global ?? new Dictionary<string, string>());
        _perFile = (perFile ?? new Dictionary<string, IDictionary<string, string>>())
            .ToDictionary(p => p.Key, p => new TestOptions(p.Value), StringComparer.Ordinal);
    }

    public override AnalyzerConfigOptions GlobalOptions => _global;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => TestOptions.Empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
        _perFile.TryGetValue(textFile.Path, out var options) ? options : TestOptions.Empty;

    private sealed class TestOptions : AnalyzerConfigOptions
    {
        public static readonly TestOptions Empty = new(new Dictionary<string, string>());

        private readonly IDictionary<string, string> _values;

        public TestOptions(IDictionary<string, string> values) => _values = values;

        public override bool TryGetValue(string key, out string value)
        {
            if (_values.TryGetValue(key, out var found))
            {
                value = found;
                return true;
            }

            value = string.Empty;
            return false;
        }
    }
}

/// <summary>The outcome of one generator run: sources, the generator's diagnostics and the compiled result.</summary>
internal sealed class GeneratorRun
{
    public GeneratorRun(GeneratorDriver driver, Compilation output, ImmutableArray<Diagnostic> generatorDiagnostics)
    {
        Driver = driver;
        Output = output;
        GeneratorDiagnostics = generatorDiagnostics;
        Result = driver.GetRunResult();
    }

    public GeneratorDriver Driver { get; }

    public Compilation Output { get; }

    public GeneratorDriverRunResult Result { get; }

    public ImmutableArray<Diagnostic> GeneratorDiagnostics { get; }

    public IReadOnlyList<GeneratedSourceResult> Sources => Result.Results.SelectMany(r => r.GeneratedSources).ToList();

    public string Source(string hintName) =>
        Sources.Single(s => s.HintName == hintName).SourceText.ToString();

    /// <summary>
    /// The generated declaration of the type <paramref name="name"/>, with its doc comment; for a client method, the
    /// part of the client class that holds it. Every page's code is one file, so tests look types up by name.
    /// </summary>
    public string Declaration(string name) =>
        TryDeclaration(name) ?? throw new InvalidOperationException("Nothing named " + name + " was generated.");

    /// <summary><see cref="Declaration"/>, or null when nothing of that name was generated.</summary>
    public string? TryDeclaration(string name)
    {
        var found = Sources
            .SelectMany(s => s.SyntaxTree.GetRoot().DescendantNodes())
            .Select(node => node switch
            {
                Microsoft.CodeAnalysis.CSharp.Syntax.BaseTypeDeclarationSyntax type when type.Identifier.ValueText == name => type,
                Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax method when method.Identifier.ValueText == name => method.Parent,
                _ => null,
            })
            .Where(node => node is not null)
            .Select(node => node!.ToFullString())
            .ToList();
        return found.Count switch
        {
            0 => null,
            1 => found[0],
            _ => throw new InvalidOperationException(found.Count + " declarations named " + name + " were generated."),
        };
    }

    /// <summary>The name of the file that declares <paramref name="name"/>, as <see cref="Declaration"/> finds it.</summary>
    public string FileDeclaring(string name) =>
        Sources.Single(s => s.SyntaxTree.GetRoot().DescendantNodes().Any(node =>
            (node is Microsoft.CodeAnalysis.CSharp.Syntax.BaseTypeDeclarationSyntax type && type.Identifier.ValueText == name)
            || (node is Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax method && method.Identifier.ValueText == name))).HintName;

    /// <summary>Errors and warnings the compiler reports for the generated code (and the test's own code).</summary>
    public IReadOnlyList<Diagnostic> CompilationProblems() =>
        Output.GetDiagnostics()
            .Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .ToList();

    public IEnumerable<Exception> GeneratorExceptions() =>
        Result.Results.Select(r => r.Exception).Where(e => e is not null)!;
}

/// <summary>Runs the generator in-process over pages, the way the compiler does.</summary>
internal static class GeneratorHarness
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(LoadReferences);

    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest);

    public static CSharpCompilation CreateCompilation(params string[] sources) =>
        CSharpCompilation.Create(
            "Consumer",
            sources.Select(s => CSharpSyntaxTree.ParseText(s, ParseOptions)),
            References.Value,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                deterministic: true));

    /// <summary>
    /// A driver over <paramref name="pages"/>. Tests track the steps to see what ran; compilers and IDEs do not, and
    /// a driver that does can lose entries of a combined step in the run after a page is removed (a Roslyn fault in
    /// step tracking alone), so tests of removals pass <paramref name="trackSteps"/> false, as a host would.
    /// </summary>
    public static GeneratorDriver CreateDriver(IEnumerable<AdditionalText> pages, AnalyzerConfigOptionsProvider? options = null, bool trackSteps = true) =>
        CSharpGeneratorDriver.Create(
            new[] { new ClientGenerator().AsSourceGenerator() },
            pages,
            ParseOptions,
            options ?? new TestOptionsProvider(),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    public static GeneratorRun Run(IEnumerable<AdditionalText> pages, AnalyzerConfigOptionsProvider? options = null, params string[] sources)
    {
        var compilation = CreateCompilation(sources);
        var driver = CreateDriver(pages, options).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return new GeneratorRun(driver, output, diagnostics);
    }

    public static GeneratorRun Run(params PageFile[] pages) => Run(pages, null);

    public static GeneratorRun Rerun(GeneratorDriver driver, Compilation compilation)
    {
        var next = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return new GeneratorRun(next, output, diagnostics);
    }

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator).ToList();
        var baseDirectory = AppContext.BaseDirectory;
        foreach (var file in Directory.GetFiles(baseDirectory, "*.dll"))
        {
            var name = Path.GetFileName(file);
            if (name.StartsWith("Authing.Generated.Runtime", StringComparison.Ordinal)
                || name.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal)
                || name.StartsWith("Polly", StringComparison.Ordinal))
            {
                paths.Add(file);
            }
        }

        return paths
            .GroupBy(p => Path.GetFileName(p), StringComparer.OrdinalIgnoreCase)
            .Select(g => g.Last())
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray();
    }
}
