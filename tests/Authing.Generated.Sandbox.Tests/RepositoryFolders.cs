using System;
using System.IO;

namespace Authing.Generated.Sandbox.Tests;

/// <summary>Folders of the repository, found from the test binaries by walking up to the solution file.</summary>
internal static class RepositoryFolders
{
    private static readonly Lazy<string> RootFolder = new(FindRoot);

    public static string Root => RootFolder.Value;

    public static string Specs => Path.Combine(Root, "specs");

    public static string SeedPage => Path.Combine(Specs, "association-ext-idp.md");

    /// <summary>The shared test data that sits beside the repository.</summary>
    public static string SignatureVectors => Path.Combine(Root, "..", "shared", "vectors", "signature-vectors.json");

    private static string FindRoot()
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
}
