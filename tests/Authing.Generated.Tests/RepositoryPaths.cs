using System;
using System.IO;

namespace Authing.Generated.Tests;

/// <summary>Finds the repository and the shared test data beside it, wherever the tests run from.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    public static string Corpus => Path.Combine(Shared, "corpus");

    public static string Vectors => Path.Combine(Shared, "vectors");

    public static string Specs => Path.Combine(Root, "specs");

    public static string Snapshots => Path.Combine(Root, "tests", "Authing.Generated.Tests", "Snapshots");

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Authing.Generated.sln")))
            {
                return directory.FullName;
            }

            directory = directory.Parent;
        }

        throw new InvalidOperationException("The repository root (the folder holding Authing.Generated.sln) was not found above " + AppContext.BaseDirectory);
    }
}
