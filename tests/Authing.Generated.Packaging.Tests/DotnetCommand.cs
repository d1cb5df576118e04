using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Authing.Generated.Packaging.Tests;

/// <summary>What one run of the <c>dotnet</c> CLI did: command line, exit code, combined output, duration.</summary>
public sealed record CommandResult(string CommandLine, int ExitCode, string Output, TimeSpan Elapsed)
{
    public bool Succeeded => ExitCode == 0;

    public override string ToString() =>
        $"`{CommandLine}` exited with {ExitCode} after {Elapsed.TotalSeconds:F1} s:{Environment.NewLine}{Output}";
}

/// <summary>Runs the <c>dotnet</c> CLI as a user would, in a clean environment and without build servers.</summary>
internal static class DotnetCommand
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    /// <summary>The <c>dotnet</c> that runs the tests, so the consumers build with the same SDK installation.</summary>
    private static string Executable
    {
        get
        {
            var current = Environment.ProcessPath;
            var name = Path.GetFileNameWithoutExtension(current);
            return current is not null && string.Equals(name, "dotnet", StringComparison.OrdinalIgnoreCase)
                ? current
                : "dotnet";
        }
    }

    public static async Task<CommandResult> RunAsync(
        string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(Executable)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Prepare(start.Environment, environment);

        var output = new StringBuilder();
        var stopwatch = Stopwatch.StartNew();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Append(output, $"Stopped by the test after {Timeout.TotalMinutes} minutes.");
        }

        // Without a token the wait also lasts until the redirected output is drained.
        await process.WaitForExitAsync();
        lock (output)
        {
            var commandLine = "dotnet " + string.Join(' ', arguments);
            return new CommandResult(commandLine, process.ExitCode, output.ToString(), stopwatch.Elapsed);
        }
    }

    /// <summary>
    /// Drops what the test host's own MSBuild leaves in the environment (its paths and switches), which could make
    /// the child build resolve another SDK or MSBuild, and asks for plain English output and no reused nodes.
    /// </summary>
    private static void Prepare(IDictionary<string, string?> target, IReadOnlyDictionary<string, string> extra)
    {
        foreach (var key in new List<string>(target.Keys))
        {
            if (key.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase))
            {
                target.Remove(key);
            }
        }

        target["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        target["DOTNET_NOLOGO"] = "1";
        target["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        target["DOTNET_CLI_UI_LANGUAGE"] = "en";
        target["MSBUILDDISABLENODEREUSE"] = "1";
        foreach (var pair in extra)
        {
            target[pair.Key] = pair.Value;
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }
}
