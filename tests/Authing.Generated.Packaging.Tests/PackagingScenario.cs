using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace Authing.Generated.Packaging.Tests;

/// <summary>
/// Packs the real projects once, at a version no cache has seen, into a temporary folder, then builds brand-new
/// consumer projects against those packages. Each step runs on first use and is shared by the tests that need it.
/// </summary>
public sealed class PackagingScenario : IAsyncLifetime
{
    public const string SeedPage = "association-ext-idp.md";
    public const string BrokenPage = "broken-page.md";
    public const string StatedEndpointPage = "stated-endpoint.md";

    private readonly Lazy<Task<Packed>> _packed;
    private readonly Lazy<Task<Consumer>> _defaultConsumer;
    private readonly Lazy<Task<CommandResult>> _run;
    private readonly Lazy<Task<CommandResult>> _trimmedPublish;
    private readonly Lazy<Task<Consumer>> _otherFolderConsumer;
    private readonly Lazy<Task<Consumer>> _listedPagesConsumer;

    public PackagingScenario()
    {
        // A new prerelease version each run, so no NuGet cache can hand back an earlier run's bits.
        Version = $"1.0.0-packaging.{DateTime.UtcNow:yyyyMMddHHmmss}.t{Guid.NewGuid().ToString("N")[..12]}";
        WorkFolder = Path.Combine(Path.GetTempPath(), "authing-packaging-" + Guid.NewGuid().ToString("N")[..12]);
        FeedFolder = Path.Combine(WorkFolder, "feed");
        _packed = new(PackAsync);
        _defaultConsumer = new(() => BuildConsumerAsync("default"));
        _run = new(RunDefaultConsumerAsync);
        _trimmedPublish = new(PublishTrimmedAsync);
        _otherFolderConsumer = new(() => BuildConsumerAsync("other-folder", "-p:AuthingSpecsDirectory=pages/"));
        _listedPagesConsumer = new(() => BuildConsumerAsync("listed-pages", "-p:EnableDefaultAuthingSpecItems=false"));
    }

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public string Version { get; }

    public string WorkFolder { get; }

    public string FeedFolder { get; }

    /// <summary>The packed packages and the pack commands' results.</summary>
    public Task<Packed> Packages => _packed.Value;

    /// <summary>A consumer with its pages in the default specs/ folder, one of them malformed.</summary>
    public Task<Consumer> DefaultConsumer => _defaultConsumer.Value;

    /// <summary>The default consumer's program, run against the sandbox package.</summary>
    public Task<CommandResult> DefaultConsumerRun => _run.Value;

    /// <summary>The default consumer published trimmed, so the trimmer analyses every assembly of the app.</summary>
    public Task<CommandResult> TrimmedPublish => _trimmedPublish.Value;

    /// <summary>A consumer whose AuthingSpecsDirectory names a folder that holds only the seed page.</summary>
    public Task<Consumer> OtherFolderConsumer => _otherFolderConsumer.Value;

    /// <summary>A consumer with the default pages switched off and the seed page listed by hand.</summary>
    public Task<Consumer> ListedPagesConsumer => _listedPagesConsumer.Value;

    /// <summary>
    /// Our packages are extracted into a package folder of this run's own, never into the machine's, and what the
    /// SDK leaves in the temporary folder goes into one of this run's own, so deleting the run's folder cleans up.
    /// NuGet keeps its cross-process locks in the temporary folder too, which is why the pack commands, which use
    /// the machine's package folder, keep the machine's temporary folder.
    /// </summary>
    private Dictionary<string, string> ConsumerEnvironment => new()
    {
        ["NUGET_PACKAGES"] = Path.Combine(WorkFolder, "nuget-packages"),
        ["TMPDIR"] = TemporaryFolder,
        ["TMP"] = TemporaryFolder,
        ["TEMP"] = TemporaryFolder,
    };

    private string TemporaryFolder => Path.Combine(WorkFolder, "tmp");

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(TemporaryFolder);
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        if (Environment.GetEnvironmentVariable("AUTHING_PACKAGING_KEEP") == "1")
        {
            return Task.CompletedTask;
        }

        for (var attempt = 1; Directory.Exists(WorkFolder); attempt++)
        {
            try
            {
                Directory.Delete(WorkFolder, recursive: true);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException && attempt < 5)
            {
                Thread.Sleep(500);
            }
        }

        return Task.CompletedTask;
    }

    private static string FindRepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Authing.Generated.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException(
            "No folder above " + AppContext.BaseDirectory + " holds Authing.Generated.sln.");
    }

    private async Task<Packed> PackAsync()
    {
        // Built in an artifacts folder of the run's own, so the repository's bin/ and obj/ are left as they are.
        var artifacts = Path.Combine(WorkFolder, "artifacts");
        var commands = new List<CommandResult>();
        foreach (var project in new[] { "runtime/Authing.Generated.Runtime", "runtime/Authing.Generated.Sandbox" })
        {
            var pack = await DotnetCommand.RunAsync(
                RepositoryRoot,
                new Dictionary<string, string>(),
                "pack", project, "-c", "Release", "-o", FeedFolder, "--artifacts-path", artifacts,
                "-p:Version=" + Version, "--disable-build-servers", "-tl:off", "-nologo");
            commands.Add(pack);
            if (!pack.Succeeded)
            {
                throw new InvalidOperationException("Packing failed. " + pack);
            }
        }

        var feed = await LocalFeed.DiscoverAsync(FeedFolder, RepositoryRoot);
        return new Packed(
            Path.Combine(FeedFolder, $"Authing.Generated.{Version}.nupkg"),
            Path.Combine(FeedFolder, $"Authing.Generated.Sandbox.{Version}.nupkg"),
            feed,
            commands);
    }

    private async Task<Consumer> BuildConsumerAsync(string name, params string[] properties)
    {
        var packed = await Packages;
        var folder = Path.Combine(WorkFolder, "consumers", name);
        var template = Path.Combine(RepositoryRoot, "tests", "Authing.Generated.Packaging.Tests", "Consumer");
        var seed = Path.Combine(RepositoryRoot, "specs", SeedPage);
        Directory.CreateDirectory(Path.Combine(folder, "specs"));
        Directory.CreateDirectory(Path.Combine(folder, "pages"));
        File.Copy(Path.Combine(template, "Consumer.csproj"), Path.Combine(folder, "Consumer.csproj"));
        File.Copy(Path.Combine(template, "Program.cs"), Path.Combine(folder, "Program.cs"));
        File.Copy(Path.Combine(template, "specs", BrokenPage), Path.Combine(folder, "specs", BrokenPage));
        File.Copy(seed, Path.Combine(folder, "specs", SeedPage));
        File.Copy(seed, Path.Combine(folder, "specs", StatedEndpointPage));
        File.Copy(seed, Path.Combine(folder, "pages", SeedPage));

        // Empty files stop MSBuild from looking further up for Directory.Build.* files or central package versions.
        foreach (var stop in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props" })
        {
            File.WriteAllText(Path.Combine(folder, stop), "<Project />" + Environment.NewLine);
        }

        packed.Feed.WriteConfig(folder);
        var arguments = new List<string>
        {
            "build", "-p:AuthingPackageVersion=" + Version, "--disable-build-servers", "-tl:off", "-nologo",
        };
        arguments.AddRange(properties);
        var build = await DotnetCommand.RunAsync(folder, ConsumerEnvironment, arguments.ToArray());
        return new Consumer(folder, build);
    }

    private async Task<CommandResult> RunDefaultConsumerAsync()
    {
        var consumer = await DefaultConsumer;
        Assert.True(consumer.Build.Succeeded, consumer.Build.ToString());
        var program = Path.Combine(consumer.Folder, "bin", "Debug", "net10.0", "Consumer.dll");
        return await DotnetCommand.RunAsync(consumer.Folder, ConsumerEnvironment, program);
    }

    private async Task<CommandResult> PublishTrimmedAsync()
    {
        var consumer = await DefaultConsumer;
        Assert.True(consumer.Build.Succeeded, consumer.Build.ToString());
        return await DotnetCommand.RunAsync(
            consumer.Folder,
            ConsumerEnvironment,
            "publish", "--use-current-runtime", "-p:PublishTrimmed=true", "-p:AuthingPackageVersion=" + Version,
            "-o", Path.Combine(consumer.Folder, "publish"), "--disable-build-servers", "-tl:off", "-nologo");
    }

    /// <summary>The two packages in the local feed, the feed's NuGet setup, and the pack commands.</summary>
    public sealed record Packed(
        string Package, string SandboxPackage, LocalFeed Feed, IReadOnlyList<CommandResult> Commands);

    /// <summary>A consumer's folder and the result of building it.</summary>
    public sealed record Consumer(string Folder, CommandResult Build);
}

/// <summary>The tests that share one packing run.</summary>
[CollectionDefinition(Name)]
public sealed class PackagingCollection : ICollectionFixture<PackagingScenario>
{
    public const string Name = "Packaging";
}
