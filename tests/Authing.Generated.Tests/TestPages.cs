using System.IO;

namespace Authing.Generated.Tests;

/// <summary>Pages of our own making, for scenarios the corpus does not show.</summary>
internal static class TestPages
{
    public static string Directory => Path.Combine(RepositoryPaths.Root, "tests", "Authing.Generated.Tests", "Pages");

    public static string Read(string name) => File.ReadAllText(Path.Combine(Directory, name));
}
