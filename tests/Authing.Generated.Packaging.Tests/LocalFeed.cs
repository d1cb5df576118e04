using System;
using System.Collections.Generic;
using System.IO;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using System.Xml.Linq;

namespace Authing.Generated.Packaging.Tests;

/// <summary>
/// The NuGet setup of a consumer: the folder the test packed into comes first and alone serves our packages; the
/// machine's own sources follow for everything else, and the machine's package folder is read before any download.
/// </summary>
public sealed record LocalFeed(
    string PackageFolder, IReadOnlyList<(string Name, string Url)> MachineSources, string? MachinePackages)
{
    public const string SourceName = "authing-packaging-test";

    /// <summary>Asks the CLI, from the repository, which sources and package folder this machine uses.</summary>
    public static async Task<LocalFeed> DiscoverAsync(string packageFolder, string repositoryRoot)
    {
        var none = new Dictionary<string, string>();
        var list = await DotnetCommand.RunAsync(
            repositoryRoot, none, "nuget", "list", "source", "--format", "Detailed");
        if (!list.Succeeded)
        {
            throw new InvalidOperationException("Could not list the machine's NuGet sources. " + list);
        }

        // "  1.  nuget.org [Enabled]" followed by a line with the source's address.
        var sources = new List<(string, string)>();
        var lines = list.Output.Split('\n');
        for (var i = 0; i + 1 < lines.Length; i++)
        {
            var entry = Regex.Match(lines[i], @"^\s*\d+\.\s+(?<name>.+?)\s+\[Enabled\]\s*$");
            if (entry.Success)
            {
                sources.Add((entry.Groups["name"].Value, lines[i + 1].Trim()));
            }
        }

        if (sources.Count == 0)
        {
            throw new InvalidOperationException("The machine has no enabled NuGet source. " + list);
        }

        var locals = await DotnetCommand.RunAsync(repositoryRoot, none, "nuget", "locals", "global-packages", "--list");
        var folder = Regex.Match(locals.Output, @"global-packages:\s*(?<path>.+?)\s*$", RegexOptions.Multiline);
        var machinePackages = folder.Success && Directory.Exists(folder.Groups["path"].Value)
            ? folder.Groups["path"].Value
            : null;
        return new LocalFeed(packageFolder, sources, machinePackages);
    }

    public void WriteConfig(string consumerFolder)
    {
        var sources = new XElement("packageSources", new XElement("clear"), Add(SourceName, PackageFolder));
        var ours = new XElement(
            "packageSource",
            new XAttribute("key", SourceName),
            Pattern("Authing.Generated"),
            Pattern("Authing.Generated.*"));
        var mapping = new XElement("packageSourceMapping", ours);
        foreach (var (name, url) in MachineSources)
        {
            sources.Add(Add(name, url));
            mapping.Add(new XElement("packageSource", new XAttribute("key", name), Pattern("*")));
        }

        var configuration = new XElement("configuration", sources, mapping);
        if (MachinePackages is not null)
        {
            configuration.Add(
                new XElement("fallbackPackageFolders", new XElement("clear"), Add("machine", MachinePackages)));
        }

        new XDocument(configuration).Save(Path.Combine(consumerFolder, "nuget.config"));
    }

    private static XElement Add(string key, string value) =>
        new("add", new XAttribute("key", key), new XAttribute("value", value));

    private static XElement Pattern(string pattern) => new("package", new XAttribute("pattern", pattern));
}
