using System;
using System.IO;
using Xunit.Sdk;

namespace Authing.Generated.Tests;

/// <summary>
/// Compares generated text with a committed expected file under <c>Snapshots/</c>.
/// Set <c>AUTHING_ACCEPT_SNAPSHOTS=1</c> to write the new output as the expected file.
/// </summary>
internal static class SnapshotAssert
{
    public const string AcceptVariable = "AUTHING_ACCEPT_SNAPSHOTS";

    public static void Matches(string scenario, string fileName, string actual)
    {
        var directory = Path.Combine(RepositoryPaths.Snapshots, scenario);
        var expectedPath = Path.Combine(directory, fileName + ".txt");
        var receivedPath = Path.Combine(directory, fileName + ".received.txt");
        if (Environment.GetEnvironmentVariable(AcceptVariable) == "1")
        {
            Directory.CreateDirectory(directory);
            File.WriteAllText(expectedPath, actual);
            if (File.Exists(receivedPath))
            {
                File.Delete(receivedPath);
            }

            return;
        }

        var expected = File.Exists(expectedPath) ? File.ReadAllText(expectedPath) : null;
        if (expected == actual)
        {
            return;
        }

        Directory.CreateDirectory(directory);
        File.WriteAllText(receivedPath, actual);
        var reason = expected is null ? "no expected file exists yet" : "the output differs from the expected file";
        throw new XunitException(
            $"Snapshot {scenario}/{fileName}: {reason}. The new output is in {receivedPath}; " +
            $"review it and rerun with {AcceptVariable}=1 to accept it.{Environment.NewLine}{FirstDifference(expected ?? string.Empty, actual)}");
    }

    private static string FirstDifference(string expected, string actual)
    {
        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        for (var i = 0; i < Math.Max(expectedLines.Length, actualLines.Length); i++)
        {
            var e = i < expectedLines.Length ? expectedLines[i] : "<end>";
            var a = i < actualLines.Length ? actualLines[i] : "<end>";
            if (e != a)
            {
                return $"First difference at line {i + 1}:{Environment.NewLine}  expected: {e}{Environment.NewLine}  actual:   {a}";
            }
        }

        return string.Empty;
    }
}
