using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;

namespace Authing.Generated.Packaging.Tests;

/// <summary>A diagnostic as MSBuild prints it: <c>path(line,column): warning ID: message [project]</c>.</summary>
internal sealed record BuildDiagnostic(string Path, int Line, int Column, string Severity, string Id, string Message)
{
    private static readonly Regex Pattern = new(
        @"^\s*(?<path>.*?)(\((?<line>\d+),(?<column>\d+)(,\d+,\d+)?\))?\s*:\s*"
        + @"(?<severity>warning|error)\s+(?<id>[A-Z]+[0-9]+)\s*:\s*(?<message>.*)$",
        RegexOptions.Multiline | RegexOptions.CultureInvariant);

    /// <summary>Every distinct diagnostic in the output; MSBuild repeats each one in its summary.</summary>
    public static IReadOnlyList<BuildDiagnostic> Parse(string output) =>
        Pattern.Matches(output)
            .Select(match => new BuildDiagnostic(
                match.Groups["path"].Value.Trim(),
                Number(match.Groups["line"]),
                Number(match.Groups["column"]),
                match.Groups["severity"].Value,
                match.Groups["id"].Value,
                match.Groups["message"].Value.Trim()))
            .Distinct()
            .ToList();

    public static string Describe(IEnumerable<BuildDiagnostic> diagnostics) =>
        string.Join(Environment.NewLine, diagnostics.Select(d => d.ToString()));

    public override string ToString() => $"{Path}({Line},{Column}): {Severity} {Id}: {Message}";

    private static int Number(Group group) =>
        group.Success ? int.Parse(group.Value, CultureInfo.InvariantCulture) : 0;
}
