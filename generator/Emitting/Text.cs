using System;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace Authing.Generated.Generator.Emitting;

/// <summary>Puts page text safely into generated code: XML documentation and string literals.</summary>
internal static class Text
{
    /// <summary>A C# string literal for any text; no page can end it early.</summary>
    public static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

    /// <summary>A UTF-8 string literal (<c>"..."u8</c>) for any text.</summary>
    public static string Utf8Literal(string value) => Literal(value) + "u8";

    /// <summary>XML-escaped text with every kind of line break folded into <c>\n</c>, ready for <see cref="SourceWriter.Doc"/>.</summary>
    public static string Xml(string text)
    {
        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            switch (c)
            {
                case '&':
                    builder.Append("&amp;");
                    break;
                case '<':
                    builder.Append("&lt;");
                    break;
                case '>':
                    builder.Append("&gt;");
                    break;
                case '\r':
                    break;
                case '\n':
                case '\u0085':
                case '\u2028':
                case '\u2029':
                    builder.Append('\n');
                    break;
                default:
                    builder.Append(char.IsControl(c) ? ' ' : c);
                    break;
            }
        }

        return builder.ToString().Trim();
    }

    /// <summary>A <c>&lt;summary&gt;</c> block; an empty text gets a plain fallback so public members stay documented.</summary>
    public static string Summary(string text, string fallback)
    {
        var xml = Xml(text);
        if (xml.Length == 0)
        {
            xml = Xml(fallback);
        }

        return "<summary>\n" + xml.Replace("\n", "<br/>\n") + "\n</summary>";
    }

    /// <summary>An ASCII file-name fragment for a hint name.</summary>
    public static string HintFragment(string name)
    {
        var safe = 0;
        while (safe < name.Length && IsHintChar(name[safe]))
        {
            safe++;
        }

        if (safe == name.Length)
        {
            return name;
        }

        var builder = new StringBuilder(name.Length + 8);
        foreach (var c in name)
        {
            if (IsHintChar(c))
            {
                builder.Append(c);
            }
            else if (c != '@')
            {
                builder.Append('_').Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    /// <summary>Eight hex digits that tell long names apart: FNV-1a over the name's UTF-16 code units.</summary>
    public static string Fingerprint(string name)
    {
        var hash = 2166136261u;
        foreach (var c in name)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return hash.ToString("x8", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// <paramref name="name"/>, or, where Windows would take a file of that name for a device such as CON or LPT1, it
    /// with an underscore after the part before the first dot, which is what Windows goes by.
    /// </summary>
    public static string NotADevice(string name)
    {
        if (!IsDeviceName(name))
        {
            return name;
        }

        var dot = name.IndexOf('.');
        return dot < 0 ? name + "_" : name.Insert(dot, "_");
    }

    /// <summary>
    /// Whether Windows takes a file of this name (up to its first dot) for a device such as CON or LPT1, or would once
    /// a number is added to keep it unique (COM, LPT).
    /// </summary>
    private static bool IsDeviceName(string name)
    {
        var dot = name.IndexOf('.');
        var stem = (dot < 0 ? name : name.Substring(0, dot)).ToUpperInvariant();
        if (stem is "CON" or "PRN" or "AUX" or "NUL" or "COM" or "LPT")
        {
            return true;
        }

        return stem.Length == 4 && (stem.StartsWith("COM", StringComparison.Ordinal) || stem.StartsWith("LPT", StringComparison.Ordinal))
            && stem[3] >= '0' && stem[3] <= '9';
    }

    private static bool IsHintChar(char c) =>
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.';
}
