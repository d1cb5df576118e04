using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using Authing.Generated.Generator.Merging;
using Authing.Generated.Generator.Model;
using Authing.Generated.Generator.Parsing;
using Microsoft.Extensions.Logging;

namespace Authing.Generated.Sandbox;

/// <summary>
/// Reads reference pages with the generator's own parser and keeps their operations by path. A page that cannot be
/// used is skipped with a warning, so one bad page never stops the sandbox.
/// </summary>
internal static class OperationCatalog
{
    private const string UnusablePageDiagnostic = "AUTHGEN002";

    private static readonly UTF8Encoding PageEncoding = new(encoderShouldEmitUTF8Identifier: false);

    public static IReadOnlyDictionary<string, SandboxOperation> Load(
        IEnumerable<string> pagePaths, ILogger logger, CancellationToken cancellationToken)
    {
        var operations = new Dictionary<string, SandboxOperation>(StringComparer.Ordinal);
        foreach (string file in FindPages(pagePaths, logger))
        {
            cancellationToken.ThrowIfCancellationRequested();
            SandboxOperation? operation = ReadPage(file, logger, cancellationToken);
            if (operation is null)
            {
                continue;
            }

            if (operations.TryGetValue(operation.Path, out SandboxOperation? first))
            {
                SandboxLog.DuplicatePath(logger, file, operation.Path, first.PageFile);
                continue;
            }

            operations.Add(operation.Path, operation);
        }

        return operations;
    }

    private static IEnumerable<string> FindPages(IEnumerable<string> pagePaths, ILogger logger)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string pagePath in pagePaths)
        {
            if (string.IsNullOrWhiteSpace(pagePath))
            {
                SandboxLog.PageSkipped(logger, "(empty)", "the page path is empty");
                continue;
            }

            string full = Path.GetFullPath(pagePath);
            IEnumerable<string> files;
            if (Directory.Exists(full))
            {
                try
                {
                    files = Directory.EnumerateFiles(full, "*.md", SearchOption.AllDirectories)
                        .Order(StringComparer.Ordinal)
                        .ToList();
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
                {
                    SandboxLog.PageSkipped(logger, full, exception.Message);
                    continue;
                }
            }
            else if (File.Exists(full))
            {
                files = [full];
            }
            else
            {
                SandboxLog.PageSkipped(logger, full, "no such file or directory");
                continue;
            }

            foreach (string file in files)
            {
                if (seen.Add(file))
                {
                    yield return file;
                }
            }
        }
    }

    private static SandboxOperation? ReadPage(string file, ILogger logger, CancellationToken cancellationToken)
    {
        string text;
        try
        {
            text = File.ReadAllText(file, PageEncoding);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            SandboxLog.PageSkipped(logger, file, exception.Message);
            return null;
        }

        PageModel page;
        try
        {
            page = PageParser.Parse(file, text, projectEndpoint: null, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The parser promises not to throw on bad input; if it still does, the page is lost, not the sandbox.
            SandboxLog.PageSkipped(logger, file, "the parser failed: " + exception.Message);
            return null;
        }

        foreach (DiagnosticInfo diagnostic in page.Diagnostics)
        {
            if (diagnostic.Id == UnusablePageDiagnostic)
            {
                string reason = diagnostic.Arguments.Count > 1 ? diagnostic.Arguments[1] : "the page is unusable";
                SandboxLog.PageSkipped(logger, file, reason);
                return null;
            }
        }

        if (!page.IsOperation)
        {
            SandboxLog.PageWithoutOperation(logger, file);
            return null;
        }

        var required = page.RequestFields.Where(field => field.Required).Select(field => field.JsonName).ToArray();
        return new SandboxOperation(
            HttpMethodRule.Method(page),
            HttpMethodRule.Path(page),
            page.FileName,
            required,
            ReadExample(page, logger));
    }

    private static byte[]? ReadExample(PageModel page, ILogger logger)
    {
        if (page.ExampleJson is null)
        {
            return null;
        }

        byte[] example = Encoding.UTF8.GetBytes(page.ExampleJson);
        try
        {
            using JsonDocument document = JsonDocument.Parse(example);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return example;
            }

            SandboxLog.ExampleUnusable(logger, page.FilePath, "it is not a JSON object");
        }
        catch (JsonException exception)
        {
            SandboxLog.ExampleUnusable(logger, page.FilePath, exception.Message);
        }

        return null;
    }
}
