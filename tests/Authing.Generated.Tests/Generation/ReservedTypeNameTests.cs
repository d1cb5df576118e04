using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;
using static Authing.Generated.Tests.HostilePages;

namespace Authing.Generated.Tests.Generation;

/// <summary>
/// Data structures named like a namespace the generated code or its users write: each gets a suffix, and both the
/// generated code and a user's code beneath the generated namespace still compile without a warning.
/// </summary>
public class ReservedTypeNameTests
{
    // A user's file inside the generated namespace, importing the sandbox and naming the other namespaces by the
    // first segment, as code there does.
    private const string ConsumerSource = """
        using Authing.Generated.Sandbox;

        namespace Authing.Generated.Consumer
        {
            public static class Uses
            {
                public static System.Type[] Types() => new[]
                {
                    typeof(Authing.Generated.Runtime.AuthingJson),
                    typeof(Microsoft.Extensions.Logging.ILogger),
                    typeof(AuthingSandbox),
                    typeof(global::Authing.Generated.ClashDto),
                };
            }
        }
        """;

    // Stands in for the sandbox assembly: only its namespace matters here.
    private static readonly Lazy<MetadataReference> Sandbox = new(() =>
    {
        var compilation = GeneratorHarness
            .CreateCompilation("namespace Authing.Generated.Sandbox { public sealed class AuthingSandbox { } }")
            .WithAssemblyName("Authing.Generated.Sandbox");
        using var image = new MemoryStream();
        Assert.True(compilation.Emit(image).Success);
        return MetadataReference.CreateFromImage(image.ToArray());
    });

    public static TheoryData<string, string> Namespaces => new()
    {
        { "Runtime", "Authing.Generated.Runtime" },
        { "Sandbox", "Authing.Generated.Sandbox" },
        { "System", "System" },
        { "Microsoft", "Microsoft" },
        { "Authing", "Authing" },
        { "Generated", "Authing.Generated" },
    };

    [Theory]
    [MemberData(nameof(Namespaces))]
    public void A_type_named_like_a_namespace_gets_a_suffix_and_everything_compiles(string name, string ns)
    {
        var page = ClashPage(name);

        var run = Run(new PageFile("/pages/clash.md", page), null);

        Assert.NotNull(run.TryDeclaration(name + "2"));
        Assert.Null(run.TryDeclaration(name));
        var request = run.Declaration("ClashDto");
        Assert.Contains("public global::Authing.Generated." + name + "2? Holder { get; init; }", request);
        var renamed = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "AUTHGEN011");
        Assert.Contains("'" + name + "2'", renamed.GetMessage());
        Assert.Contains("the namespace " + ns, renamed.GetMessage());
        var heading = LineOf(page, "### <a id=\"" + name + "\">");
        Assert.Equal(heading, renamed.Location.GetLineSpan().StartLinePosition.Line);
    }

    [Theory]
    [InlineData("Task")]
    [InlineData("CancellationToken")]
    [InlineData("IReadOnlyList")]
    [InlineData("HttpClient")]
    public void A_type_named_like_a_framework_type_of_the_client_api_gets_a_suffix(string name)
    {
        // A user's file importing the generated namespace beside the framework's, as implicit usings do.
        const string consumer = """
            using System.Collections.Generic;
            using System.Net.Http;
            using System.Threading;
            using System.Threading.Tasks;
            using Authing.Generated;

            namespace Consumer
            {
                public static class Calls
                {
                    public static Task Run(CancellationToken cancellationToken) => Task.CompletedTask;

                    public static IReadOnlyList<ClashDto> None(HttpClient client) => new List<ClashDto>();
                }
            }
            """;

        var run = Run(new PageFile("/pages/clash.md", ClashPage(name)), null, consumer);

        Assert.NotNull(run.TryDeclaration(name + "2"));
        var renamed = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "AUTHGEN011");
        Assert.Contains("the .NET type " + name, renamed.GetMessage());
    }

    [Fact]
    public void Segments_of_a_configured_namespace_are_reserved_too()
    {
        var page = ClashPage("Contoso") + Structure("Identity", StructureRow("id", "string"));
        page = page.Replace(
            "| holder |",
            "| identity | <a href=\"#Identity\">Identity</a> | no | - | A field | |\n| holder |");
        var options = new TestOptionsProvider(new Dictionary<string, string>
        {
            ["build_property.AuthingGeneratedNamespace"] = "Contoso.Identity",
        });
        var consumer = ConsumerSource
            .Replace("namespace Authing.Generated.Consumer", "namespace Contoso.Identity.Consumer")
            .Replace("global::Authing.Generated.ClashDto", "Contoso.Identity.ClashDto");

        var run = Run(new PageFile("/pages/clash.md", page), options, consumer);

        var request = run.Declaration("ClashDto");
        Assert.Contains("global::Contoso.Identity.Contoso2? Holder", request);
        Assert.Contains("global::Contoso.Identity.Identity2? Identity", request);
        var renamed = run.GeneratorDiagnostics.Where(d => d.Id == "AUTHGEN011").Select(d => d.GetMessage());
        Assert.Equal(2, renamed.Count(m => m.Contains("the namespace Contoso")));
    }

    private static string ClashPage(string name) =>
        Page("Clash", new[] { Row("holder", "<a href=\"#" + name + "\">" + name + "</a>") }, structures:
            Structure(name, StructureRow("kind", "string"), StructureRow("data", "<a href=\"#DataDto\">DataDto</a>")));

    private static GeneratorRun Run(PageFile page, TestOptionsProvider? options, string consumer = ConsumerSource)
    {
        var compilation = GeneratorHarness.CreateCompilation(consumer).AddReferences(Sandbox.Value);
        var driver = GeneratorHarness.CreateDriver(new[] { page }, options)
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        var run = new GeneratorRun(driver, output, diagnostics);

        Assert.Empty(run.GeneratorExceptions());
        var problems = run.CompilationProblems();
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems.Take(20)));
        return run;
    }
}
