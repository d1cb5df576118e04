using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Threading.Tasks;
using System.Xml.Linq;
using Xunit;

namespace Authing.Generated.Packaging.Tests;

/// <summary>What the packed packages hold, so a missing or misplaced file fails here, not in a user's build.</summary>
[Collection(PackagingCollection.Name)]
public sealed class PackageLayoutTests
{
    private const string AnalyzerFolder = "analyzers/dotnet/cs/";

    /// <summary>
    /// The compiler assembly the generator is built against (<c>Microsoft.CodeAnalysis</c> 4.14, netstandard2.0).
    /// Every host that runs this compiler, a .NET Framework-hosted one in an older IDE included, has the libraries it
    /// references loaded at those versions or newer; the generator may rely on those and on nothing newer.
    /// </summary>
    private static readonly string CompilerAssembly = typeof(PackageLayoutTests).Assembly
        .GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
        .Cast<System.Reflection.AssemblyMetadataAttribute>()
        .Single(a => a.Key == "TargetedCompilerAssembly").Value!;

    private readonly PackagingScenario _scenario;

    public PackageLayoutTests(PackagingScenario scenario)
    {
        _scenario = scenario;
    }

    [Fact]
    public async Task The_feed_holds_the_runtime_package_and_the_sandbox_package_only()
    {
        var packed = await _scenario.Packages;

        var names = Directory.GetFiles(_scenario.FeedFolder).Select(Path.GetFileName).Order(StringComparer.Ordinal);

        var expected = new[] { Path.GetFileName(packed.Package), Path.GetFileName(packed.SandboxPackage) };
        Assert.Equal(expected.Order(StringComparer.Ordinal), names);
    }

    [Fact]
    public async Task The_package_holds_the_runtime_the_generator_with_Markdig_the_props_and_the_readme()
    {
        var packed = await _scenario.Packages;
        using var package = ZipFile.OpenRead(packed.Package);

        var files = PackageFiles(package);

        Assert.Equal(
            new[]
            {
                "Authing.Generated.nuspec",
                "README.md",
                AnalyzerFolder + "Authing.Generated.Generator.dll",
                AnalyzerFolder + "Markdig.dll",
                "buildTransitive/Authing.Generated.props",
                "lib/net10.0/Authing.Generated.Runtime.dll",
                "lib/net10.0/Authing.Generated.Runtime.xml",
            }.Order(StringComparer.Ordinal),
            files);
    }

    [Fact]
    public async Task Every_assembly_the_generator_needs_is_beside_it_or_comes_with_the_compiler_at_that_version()
    {
        var packed = await _scenario.Packages;
        using var package = ZipFile.OpenRead(packed.Package);
        var analyzers = package.Entries
            .Where(e => e.FullName.StartsWith(AnalyzerFolder, StringComparison.Ordinal))
            .Where(e => e.FullName.EndsWith(".dll", StringComparison.Ordinal))
            .ToList();
        var shipped = analyzers
            .Select(e => Path.GetFileNameWithoutExtension(e.Name))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        Dictionary<string, Version> host;
        using (var compiler = File.OpenRead(CompilerAssembly))
        {
            host = References(compiler).ToDictionary(r => r.Name, r => r.Version, StringComparer.OrdinalIgnoreCase);
        }

        host["Microsoft.CodeAnalysis"] = new Version(4, 14, 0, 0);
        host["Microsoft.CodeAnalysis.CSharp"] = new Version(4, 14, 0, 0);

        var problems = new List<string>();
        foreach (var entry in analyzers)
        {
            using var stream = entry.Open();
            foreach (var (name, version) in References(stream))
            {
                if (shipped.Contains(name))
                {
                    continue;
                }

                if (!host.TryGetValue(name, out var available))
                {
                    problems.Add($"{entry.Name} -> {name} {version}: neither in the package nor loaded by the compiler");
                }
                else if (version > available)
                {
                    problems.Add($"{entry.Name} -> {name} {version}: newer than the compiler's {available}");
                }
            }
        }

        Assert.Empty(problems);
        Assert.DoesNotContain("System.Memory", shipped);
    }

    [Fact]
    public async Task The_package_metadata_names_the_license_readme_repository_and_dependencies()
    {
        var packed = await _scenario.Packages;

        var metadata = Nuspec(packed.Package);

        Assert.Equal("Authing.Generated", Value(metadata, "id"));
        Assert.Equal(_scenario.Version, Value(metadata, "version"));
        Assert.False(string.IsNullOrWhiteSpace(Value(metadata, "description")));
        var license = Element(metadata, "license");
        Assert.Equal(("expression", "MIT"), ((string?)license.Attribute("type"), license.Value));
        Assert.Equal("README.md", Value(metadata, "readme"));
        Assert.Equal("git", (string?)Element(metadata, "repository").Attribute("type"));
        var dependencies = Dependencies(metadata);
        Assert.Contains("Microsoft.Extensions.Http", dependencies.Keys);
        Assert.DoesNotContain("Markdig", dependencies.Keys);
        Assert.DoesNotContain(dependencies.Keys, id => id.StartsWith("Authing.", StringComparison.Ordinal));
        Assert.DoesNotContain(
            dependencies.Keys, id => id.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_sandbox_package_depends_on_the_same_version_and_on_ASP_NET_Core()
    {
        var packed = await _scenario.Packages;
        using var package = ZipFile.OpenRead(packed.SandboxPackage);

        var metadata = Nuspec(packed.SandboxPackage);

        Assert.Equal("Authing.Generated.Sandbox", Value(metadata, "id"));
        var license = Element(metadata, "license");
        Assert.Equal(("expression", "MIT"), ((string?)license.Attribute("type"), license.Value));
        Assert.Equal("README.md", Value(metadata, "readme"));
        Assert.Equal(_scenario.Version, Dependencies(metadata)["Authing.Generated"]);
        Assert.Contains(
            metadata.Descendants().Where(e => e.Name.LocalName == "frameworkReference"),
            e => (string?)e.Attribute("name") == "Microsoft.AspNetCore.App");
        Assert.Contains("lib/net10.0/Authing.Generated.Sandbox.dll", PackageFiles(package));
        Assert.DoesNotContain(PackageFiles(package), f => f.StartsWith("analyzers/", StringComparison.Ordinal));
    }

    /// <summary>The package's own files, without the zip's packaging parts.</summary>
    private static IEnumerable<string> PackageFiles(ZipArchive package) =>
        package.Entries
            .Select(e => e.FullName)
            .Where(name => !name.StartsWith("_rels/", StringComparison.Ordinal)
                && !name.StartsWith("package/", StringComparison.Ordinal)
                && name != "[Content_Types].xml")
            .Order(StringComparer.Ordinal)
            .ToList();

    private static List<(string Name, Version Version)> References(Stream assembly)
    {
        using var copy = new MemoryStream();
        assembly.CopyTo(copy);
        copy.Position = 0;
        using var reader = new PEReader(copy);
        var metadata = reader.GetMetadataReader();
        return metadata.AssemblyReferences
            .Select(handle => metadata.GetAssemblyReference(handle))
            .Select(reference => (metadata.GetString(reference.Name), reference.Version))
            .ToList();
    }

    private static XElement Nuspec(string packagePath)
    {
        using var package = ZipFile.OpenRead(packagePath);
        var entry = package.Entries
            .Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal) && !e.FullName.Contains('/'));
        using var stream = entry.Open();
        return Element(XDocument.Load(stream).Root!, "metadata");
    }

    private static XElement Element(XElement parent, string name) =>
        parent.Elements().Single(e => e.Name.LocalName == name);

    private static string Value(XElement metadata, string name) => Element(metadata, name).Value;

    private static Dictionary<string, string> Dependencies(XElement metadata) =>
        metadata.Descendants()
            .Where(e => e.Name.LocalName == "dependency")
            .ToDictionary(e => (string)e.Attribute("id")!, e => (string)e.Attribute("version")!);
}
