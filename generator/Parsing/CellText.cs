using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;

namespace Authing.Generated.Generator.Parsing;

/// <summary>Splits a pipe-table row into raw cells and turns raw cell Markdown/HTML into plain text.</summary>
internal static class CellText
{
    private static readonly Regex Tag = new("<[^>]*>", RegexOptions.Compiled);
    private static readonly Regex LineBreak = new(@"<br\s*/?>", RegexOptions.Compiled | RegexOptions.IgnoreCase);
    private static readonly Regex Spaces = new(@"[ \t\u00a0\u3000]+", RegexOptions.Compiled);

    /// <summary>Splits <c>| a | b |</c> into its cells, honouring <c>\|</c> escapes and pipes inside code spans.</summary>
    public static List<string> SplitRow(string line)
    {
        var cells = new List<string>();
        var text = line.Trim();
        if (text.StartsWith("|", System.StringComparison.Ordinal))
        {
            text = text.Substring(1);
        }

        if (text.EndsWith("|", System.StringComparison.Ordinal) && !text.EndsWith("\\|", System.StringComparison.Ordinal))
        {
            text = text.Substring(0, text.Length - 1);
        }

        var current = new StringBuilder();
        var inCode = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\' && i + 1 < text.Length && text[i + 1] == '|')
            {
                current.Append('|');
                i++;
            }
            else if (c == '`')
            {
                inCode = !inCode;
                current.Append(c);
            }
            else if (c == '|' && !inCode)
            {
                cells.Add(current.ToString().Trim());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        if (inCode)
        {
            // An unmatched backtick was not a code span after all: split again ignoring backticks.
            return SplitIgnoringCode(text);
        }

        cells.Add(current.ToString().Trim());
        return cells;
    }

    /// <summary>Plain text of a cell: line breaks kept as newlines, tags removed, entities decoded, spaces folded.</summary>
    public static string ToPlainText(string raw)
    {
        if (raw.Length == 0)
        {
            return raw;
        }

        var text = LineBreak.Replace(raw, "\n");
        text = Tag.Replace(text, string.Empty);
        text = DecodeEntities(text);
        var lines = text.Split('\n');
        var builder = new StringBuilder();
        foreach (var line in lines)
        {
            var folded = Spaces.Replace(line, " ").Trim();
            if (folded.Length == 0)
            {
                continue;
            }

            if (builder.Length > 0)
            {
                builder.Append('\n');
            }

            builder.Append(folded);
        }

        return builder.ToString();
    }

    /// <summary>A cell reduced to a single token: tags, backticks and surrounding spaces removed.</summary>
    public static string ToToken(string raw) =>
        Spaces.Replace(DecodeEntities(Tag.Replace(raw, string.Empty)), " ").Replace("`", string.Empty).Trim();

    public static string DecodeEntities(string text)
    {
        if (text.IndexOf('&') < 0)
        {
            return text;
        }

        return text
            .Replace("&lt;", "<")
            .Replace("&gt;", ">")
            .Replace("&quot;", "\"")
            .Replace("&#39;", "'")
            .Replace("&nbsp;", " ")
            .Replace("&amp;", "&");
    }

    private static List<string> SplitIgnoringCode(string text)
    {
        var cells = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\' && i + 1 < text.Length && text[i + 1] == '|')
            {
                current.Append('|');
                i++;
            }
            else if (c == '|')
            {
                cells.Add(current.ToString().Trim());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        cells.Add(current.ToString().Trim());
        return cells;
    }
}
