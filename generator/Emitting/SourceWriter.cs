using System;
using System.Text;

namespace Authing.Generated.Generator.Emitting;

/// <summary>Owns indentation and line endings of generated source, so emitters never count spaces.</summary>
internal sealed class SourceWriter
{
    private const string IndentUnit = "    ";
    private readonly StringBuilder _builder = new(4096);
    private int _indent;

    public SourceWriter Line(string text)
    {
        if (text.Length > 0)
        {
            for (var i = 0; i < _indent; i++)
            {
                _builder.Append(IndentUnit);
            }

            _builder.Append(text);
        }

        _builder.Append('\n');
        return this;
    }

    public SourceWriter Line() => Line(string.Empty);

    public SourceWriter Open(string text)
    {
        Line(text);
        Line("{");
        _indent++;
        return this;
    }

    public SourceWriter Open()
    {
        Line("{");
        _indent++;
        return this;
    }

    public SourceWriter Close(string suffix = "")
    {
        _indent = Math.Max(0, _indent - 1);
        return Line("}" + suffix);
    }

    /// <summary>Writes <c>/// </c> comment lines; the text must already be XML-escaped.</summary>
    public SourceWriter Doc(string xml)
    {
        foreach (var line in xml.Split('\n'))
        {
            Line("/// " + line);
        }

        return this;
    }

    public override string ToString() => _builder.ToString();
}
