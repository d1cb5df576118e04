using System;
using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;

namespace Authing.Generated.Generator.Parsing;

/// <summary>Splits a pipe-table row into raw cells and turns raw cell Markdown/HTML into plain text.</summary>
internal static class CellText
{
    // A comment, a closing tag, or an opening tag with its attributes; \G anchors it where the scan stands.
    private static readonly Regex Tag = new(
        @"\G(?:<!--.*?-->" +
        @"|</(?<closing>[A-Za-z][\w:.-]*)\s*>" +
        @"|<(?<name>[A-Za-z][\w:.-]*)(?<attributes>\s[^<>]*?)?\s*(?<self>/)?>)",
        RegexOptions.Compiled | RegexOptions.Singleline);

    private static readonly Regex ClosingTag = new(@"</(?<name>[A-Za-z][\w:.-]*)\s*>", RegexOptions.Compiled);

    // Elements that never have, or may leave out, their closing tag: alone they are still markup.
    private static readonly HashSet<string> UnclosedElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "br", "hr", "img", "wbr", "input", "col", "area", "base", "embed", "link", "meta", "source", "track", "param",
        "p", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot", "option", "optgroup", "colgroup",
    };

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

        var text = DecodeEntities(StripMarkup(raw, "\n"));
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
        Spaces.Replace(DecodeEntities(StripMarkup(raw, string.Empty)), " ").Replace("`", string.Empty).Trim();

    /// <summary>
    /// Removes HTML markup, turning <c>&lt;br&gt;</c> into <paramref name="lineBreak"/>. Code spans are kept as
    /// written, and so is text in angle brackets that is no markup, such as the placeholder in
    /// <c>&lt;userId&gt;:&lt;name&gt;</c>.
    /// </summary>
    /// <remarks>
    /// A tag counts as markup when nothing but markup would be written that way: a comment, a closing tag, a
    /// self-closing tag, a tag with an attribute, an element that stands alone in HTML (<c>br</c>, <c>li</c>), or
    /// an element closed later in the same text. A bare <c>&lt;word&gt;</c> that is never closed is a placeholder.
    /// </remarks>
    public static string StripMarkup(string raw, string lineBreak)
    {
        if (raw.IndexOf('<') < 0 && raw.IndexOf('\\') < 0)
        {
            return raw;
        }

        HashSet<string>? closed = null;
        var builder = new StringBuilder(raw.Length);
        var i = 0;
        while (i < raw.Length)
        {
            var c = raw[i];
            if (c == '`')
            {
                var end = CodeSpanEnd(raw, i);
                builder.Append(raw, i, end - i);
                i = end;
            }
            else if (c == '\\' && i + 1 < raw.Length && (raw[i + 1] == '<' || raw[i + 1] == '>'))
            {
                // Markdown's escaped angle bracket is a literal one, never the start of a tag.
                builder.Append(raw[i + 1]);
                i += 2;
            }
            else if (c == '<' && Tag.Match(raw, i) is { Success: true } tag && IsMarkup(tag, raw, ref closed))
            {
                if (tag.Groups["name"].Value.Equals("br", StringComparison.OrdinalIgnoreCase))
                {
                    builder.Append(lineBreak);
                }

                i += tag.Length;
            }
            else
            {
                builder.Append(c);
                i++;
            }
        }

        return builder.ToString();
    }

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

    private static bool IsMarkup(Match tag, string raw, ref HashSet<string>? closed)
    {
        var name = tag.Groups["name"];
        if (!name.Success || tag.Groups["self"].Success || tag.Groups["attributes"].Value.IndexOf('=') >= 0)
        {
            return true;
        }

        if (UnclosedElements.Contains(name.Value))
        {
            return true;
        }

        if (closed is null)
        {
            closed = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (Match closing in ClosingTag.Matches(raw))
            {
                closed.Add(closing.Groups["name"].Value);
            }
        }

        return closed.Contains(name.Value);
    }

    /// <summary>Where the code span opening at <paramref name="start"/> ends; just its backticks when none closes.</summary>
    private static int CodeSpanEnd(string raw, int start)
    {
        var run = RunLength(raw, start);
        for (var i = start + run; i < raw.Length; i++)
        {
            if (raw[i] != '`')
            {
                continue;
            }

            var closing = RunLength(raw, i);
            if (closing == run)
            {
                return i + closing;
            }

            i += closing - 1;
        }

        return start + run;
    }

    private static int RunLength(string raw, int start)
    {
        var end = start;
        while (end < raw.Length && raw[end] == '`')
        {
            end++;
        }

        return end - start;
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
