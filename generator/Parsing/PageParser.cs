using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using Authing.Generated.Generator.Model;
using Markdig;
using Markdig.Syntax;

namespace Authing.Generated.Generator.Parsing;

/// <summary>Turns the Markdown of one reference page into a <see cref="PageModel"/>.</summary>
internal static class PageParser
{
    // Tables are read from the paragraphs' raw lines rather than by Markdig's table extension, which limits how many
    // rows a table may have; Markdig still decides what is a paragraph, a heading or code.
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().Build();

    private static readonly Regex CodeSpan = new("`([^`]+)`", RegexOptions.Compiled);
    private static readonly Regex AnchorId = new(@"<a\s+id\s*=\s*""(?<id>[^""]*)""", RegexOptions.Compiled | RegexOptions.IgnoreCase);
    private static readonly Regex EndpointComment = new(
        @"<!--\s*endpoint\s*:\s*(?<value>[^\r\n]*?)\s*-->",
        RegexOptions.Compiled | RegexOptions.IgnoreCase);

    private enum Section
    {
        Intro,
        MethodName,
        Request,
        Response,
        DataStructures,
        Other,
    }

    /// <summary>Parses one page. Never throws for bad input: problems become diagnostics in the model.</summary>
    public static PageModel Parse(string filePath, string? text, EndpointOverride? projectEndpoint, CancellationToken cancellationToken)
    {
        var fileName = Path.GetFileName(filePath);
        var slug = Path.GetFileNameWithoutExtension(filePath);
        if (text is null || text.Trim().Length == 0)
        {
            return Unusable(filePath, fileName, slug, "the file is empty");
        }

        if (text.IndexOf('\uFFFD') >= 0)
        {
            return Unusable(filePath, fileName, slug, "the file is not valid UTF-8");
        }

        if (text.IndexOf('\0') >= 0)
        {
            return Unusable(filePath, fileName, slug, "the file contains NUL characters and is not a text page");
        }

        var reader = new PageReader(filePath, fileName, text);
        var document = Markdown.Parse(text, Pipeline);
        var tables = new PageTables(reader, fileName);
        var section = Section.Intro;
        var sectionTitle = string.Empty;
        var title = string.Empty;
        var intro = new List<string>();
        string? clientName = null;
        string? methodName = null;
        string? responseTypeName = null;
        string? exampleJson = null;
        var exampleLine = 0;
        var sawRequestSection = false;
        var sawResponseSection = false;

        foreach (var block in document)
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (block)
            {
                case HeadingBlock heading:
                {
                    var headingText = reader.RawLine(heading.Line).TrimStart('#', ' ', '\t').Trim();
                    tables.EndStructure();
                    if (heading.Level == 1)
                    {
                        if (title.Length == 0)
                        {
                            title = CellText.ToPlainText(headingText);
                        }

                        section = Section.Intro;
                        sectionTitle = CellText.ToPlainText(headingText);
                    }
                    else if (heading.Level == 2)
                    {
                        sectionTitle = CellText.ToPlainText(headingText);
                        section = Classify(sectionTitle);
                        sawRequestSection |= section == Section.Request;
                        sawResponseSection |= section == Section.Response;
                    }
                    else if (section == Section.DataStructures)
                    {
                        var anchor = AnchorId.Match(headingText);
                        var name = anchor.Success && anchor.Groups["id"].Value.Trim().Length > 0
                            ? anchor.Groups["id"].Value.Trim()
                            : CellText.ToToken(headingText);
                        tables.StartStructure(name, heading.Line);
                    }

                    break;
                }

                case FencedCodeBlock code when section == Section.Response && exampleJson is null:
                {
                    var info = code.Info ?? string.Empty;
                    if (info.Length == 0 || info.Equals("json", StringComparison.OrdinalIgnoreCase))
                    {
                        exampleJson = code.Lines.ToString();
                        exampleLine = code.Line;
                    }

                    break;
                }

                case ParagraphBlock paragraph:
                {
                    var found = reader.FindTables(paragraph);
                    var raw = found.Count == 0
                        ? reader.RawBlock(paragraph)
                        : reader.RawLines(paragraph.Line, found[0].HeaderLine);
                    if (raw.Trim().Length == 0)
                    {
                        raw = string.Empty;
                    }
                    else if (section == Section.Intro && title.Length > 0)
                    {
                        var plain = CellText.ToPlainText(raw);
                        if (plain.Length > 0)
                        {
                            intro.Add(plain);
                        }
                    }
                    else if (section == Section.MethodName && methodName is null)
                    {
                        var code = CodeSpan.Match(raw);
                        if (code.Success)
                        {
                            SplitMethodName(code.Groups[1].Value.Trim(), out clientName, out methodName);
                        }
                    }
                    else if (section == Section.Response && responseTypeName is null && tables.Response is null)
                    {
                        var code = CodeSpan.Match(raw);
                        if (code.Success)
                        {
                            responseTypeName = CellText.ToToken(code.Groups[1].Value);
                        }
                    }

                    foreach (var table in found)
                    {
                        switch (section)
                        {
                            case Section.Request:
                                tables.AddRequestTable(table);
                                break;
                            case Section.Response:
                                tables.AddResponseTable(table, responseTypeName ?? string.Empty, sectionTitle);
                                break;
                            case Section.DataStructures:
                                tables.AddStructureTable(table, sectionTitle);
                                break;
                        }
                    }

                    break;
                }
            }
        }

        tables.EndStructure();
        var endpoint = reader.ReadEndpointComment(EndpointComment);
        if (projectEndpoint is not null)
        {
            var problem = EndpointRules.Check(projectEndpoint.Method, projectEndpoint.Path);
            if (problem is null)
            {
                endpoint = projectEndpoint;
            }
            else
            {
                reader.Report("AUTHGEN010", 0, fileName, projectEndpoint.Method + " " + projectEndpoint.Path, problem);
            }
        }

        var isOperation = sawRequestSection || (sawResponseSection && tables.Response is not null);
        if (!isOperation)
        {
            reader.Report("AUTHGEN001", 0, fileName);
        }
        else if (endpoint?.Path is not { Length: > 0 }
            && EndpointRules.Check(null, Merging.HttpMethodRule.PathOf(slug)) is { } pathProblem)
        {
            // A page named "..md" would call a path that HTTP clients rewrite before sending.
            reader.Report("AUTHGEN015", 0, fileName, Merging.HttpMethodRule.PathOf(slug), pathProblem);
        }

        return new PageModel(
            filePath,
            fileName,
            slug,
            isOperation,
            title,
            string.Join("\n", intro),
            clientName,
            methodName,
            tables.RequestFields.ToEquatableArray(),
            tables.RequestLayout,
            endpoint,
            tables.Response,
            exampleJson,
            exampleLine,
            tables.Structures.ToEquatableArray(),
            reader.Diagnostics.ToEquatableArray());
    }

    private static Section Classify(string heading)
    {
        var lower = heading.ToLowerInvariant();
        if (lower.Contains("请求参数") || lower.Contains("request parameter"))
        {
            return Section.Request;
        }

        if (lower.Contains("请求响应") || lower.Contains("request response") || lower.Contains("response"))
        {
            return Section.Response;
        }

        if (lower.Contains("数据结构") || lower.Contains("data structure"))
        {
            return Section.DataStructures;
        }

        if (lower.Contains("方法名称") || lower.Contains("method name"))
        {
            return Section.MethodName;
        }

        return Section.Other;
    }

    private static void SplitMethodName(string value, out string? clientName, out string? methodName)
    {
        var dot = value.LastIndexOf('.');
        clientName = dot > 0 ? value.Substring(0, dot).Trim() : null;
        var method = (dot >= 0 ? value.Substring(dot + 1) : value).Trim();
        var paren = method.IndexOf('(');
        if (paren >= 0)
        {
            method = method.Substring(0, paren);
        }

        methodName = method.Length == 0 ? null : method;
    }

    private static PageModel Unusable(string filePath, string fileName, string slug, string reason) =>
        PageModel.WithoutCode(
            filePath, fileName, slug, DiagnosticInfo.Create("AUTHGEN002", SourceSpot.File(filePath), fileName, reason));
}
