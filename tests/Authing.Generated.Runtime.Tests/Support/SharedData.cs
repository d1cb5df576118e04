using System;
using System.IO;
using System.Text.Json;

namespace Authing.Generated.Runtime.Tests.Support;

/// <summary>Reads the project's shared test data in place, from the <c>shared</c> folder beside the repository.</summary>
internal static class SharedData
{
    private static readonly Lazy<string> s_root = new(FindSharedRoot);

    public static string Root => s_root.Value;

    public static JsonDocument Load(string relativePath) =>
        JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Root, relativePath)));

    private static string FindSharedRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory);
            directory is not null;
            directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Authing.Generated.sln")))
            {
                string shared = Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared"));
                if (!Directory.Exists(shared))
                {
                    throw new DirectoryNotFoundException($"The shared test data folder {shared} is missing.");
                }

                return shared;
            }
        }

        throw new DirectoryNotFoundException(
            $"No folder containing Authing.Generated.sln above {AppContext.BaseDirectory}.");
    }
}
