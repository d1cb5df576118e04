using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using Authing.Generated.Generator.Model;
using Markdig.Syntax;

namespace Authing.Generated.Generator.Parsing;

/// <summary>The raw lines of one page, the diagnostics found so far, and the reading of its tables.</summary>
internal sealed class PageReader
{
    private readonly string _filePath;
    private readonly string _fileName;
    private readonly string _text;
    private readonly List<int> _lineStarts = new();

    public PageReader(string filePath, string fileName, string text)
    {
        _filePath = filePath;
        _fileName = fileName;
        _text = text;
        _lineStarts.Add(0);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                i++;
                _lineStarts.Add(i + 1);
            }
            else if (c == '\n' || c == '\r')
            {
                _lineStarts.Add(i + 1);
            }
        }
    }

    public List<DiagnosticInfo> Diagnostics { get; } = new();

    public string RawLine(int line)
    {
        if (line < 0 || line >= _lineStarts.Count)
        {
            return string.Empty;
        }

        var start = _lineStarts[line];
        var end = LineEnd(line);
        return _text.Substring(start, end - start);
    }

    public string RawBlock(Block block)
    {
        var start = Math.Max(0, Math.Min(block.Span.Start, _text.Length));
        var end = Math.Max(start, Math.Min(block.Span.End + 1, _text.Length));
        return _text.Substring(start, end - start);
    }

    public void Report(string id, int line, params string[] arguments) =>
        Diagnostics.Add(DiagnosticInfo.Create(id, Spot(line), arguments));

    public SourceSpot Spot(int line)
    {
        if (line < 0 || line >= _lineStarts.Count)
        {
            return SourceSpot.File(_filePath);
        }

        var start = _lineStarts[line];
        var length = LineEnd(line) - start;
        return new SourceSpot(_filePath, start, length, line, 0, line, length);
    }

    public EndpointOverride? ReadEndpointComment(Regex pattern)
    {
        var match = pattern.Match(_text);
        if (!match.Success)
        {
            return null;
        }

        var line = LineOf(match.Index);
        var value = match.Groups["value"].Value.Trim();
        var second = match.NextMatch();
        if (second.Success)
        {
            Report(
                "AUTHGEN010",
                LineOf(second.Index),
                _fileName,
                second.Groups["value"].Value.Trim(),
                "the page states its endpoint twice; the first one is used");
        }

        var parts = value.Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries);
        var method = parts.Length > 0 ? parts[0].ToUpperInvariant() : string.Empty;
        var path = parts.Length > 1 ? parts[1] : null;
        var problem = EndpointRules.Check(method, path);
        if (problem is not null || parts.Length > 2)
        {
            Report("AUTHGEN010", line, _fileName, value, problem ?? "expected a method and an optional path");
            return null;
        }

        return new EndpointOverride(method, path);
    }

    /// <summary>
    /// Finds the pipe tables in a paragraph's lines: each starts at a line starting with <c>|</c> followed by a
    /// separator line, and runs to the last consecutive line starting with <c>|</c>.
    /// </summary>
    public List<TableLines> FindTables(Block paragraph)
    {
        // Markdig releases a paragraph's lines once its inlines are parsed, so the extent comes from the span.
        var tables = new List<TableLines>();
        var end = Math.Min(LineOf(Math.Min(paragraph.Span.End, _text.Length - 1)) + 1, _lineStarts.Count);
        for (var line = paragraph.Line; line + 1 < end; line++)
        {
            if (!IsRow(line) || !IsSeparator(line + 1))
            {
                continue;
            }

            var rows = new List<int>();
            var row = line + 2;
            for (; row < end && IsRow(row); row++)
            {
                rows.Add(row);
            }

            tables.Add(new TableLines(line, rows));
            line = row;
        }

        return tables;
    }

    public string RawLines(int firstLine, int endLine)
    {
        if (endLine <= firstLine || firstLine < 0 || firstLine >= _lineStarts.Count)
        {
            return string.Empty;
        }

        var start = _lineStarts[firstLine];
        var end = LineEnd(Math.Min(endLine, _lineStarts.Count) - 1);
        return end > start ? _text.Substring(start, end - start) : string.Empty;
    }

    /// <summary>Reads a field table; rows that cannot be used are reported and skipped.</summary>
    public List<FieldModel> ReadFields(TableLines table, string tableName, out TableLayout layout) =>
        ReadFields(table, tableName, new List<FieldModel>(), out layout);

    /// <summary>
    /// Reads a field table into <paramref name="fields"/>, which may hold the rows of earlier tables of the same
    /// structure: a name already there is reported as listed twice and skipped.
    /// </summary>
    public List<FieldModel> ReadFields(
        TableLines table, string tableName, List<FieldModel> fields, out TableLayout layout)
    {
        layout = TableLayout.None;
        var rowsIndented = false;
        var firstRow = fields.Count;
        var headerLine = table.HeaderLine;
        var columns = TableColumns.FromHeader(CellText.SplitRow(RawLine(headerLine)));
        if (columns.Name < 0 || columns.Type < 0)
        {
            Report("AUTHGEN003", headerLine, _fileName, tableName, "the header has no Name and Type columns");
            return fields;
        }

        var separator = CellText.SplitRow(RawLine(headerLine + 1));
        var generatorLayout = separator.TrueForAll(cell => cell == "----");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            seen.Add(field.JsonName);
        }

        foreach (var rowLine in table.RowLines)
        {
            var raw = RawLine(rowLine);
            if (raw.Length > 0 && (raw[0] == ' ' || raw[0] == '\t'))
            {
                rowsIndented = true;
            }

            var cells = CellText.SplitRow(raw);
            if (cells.Count <= Math.Max(columns.Name, columns.Type))
            {
                Report("AUTHGEN004", rowLine, _fileName, tableName, $"it has {cells.Count} cells, fewer than the header");
                continue;
            }

            var name = CellText.ToToken(cells[columns.Name]);
            if (name.Length == 0)
            {
                Report("AUTHGEN004", rowLine, _fileName, tableName, "its name cell is empty");
                continue;
            }

            if (!seen.Add(name))
            {
                Report("AUTHGEN009", rowLine, _fileName, name, tableName);
                continue;
            }

            var description = columns.Cell(cells, columns.Description);
            var example = NullIfDash(CellText.ToToken(columns.Cell(cells, columns.Example)));
            var type = TypeCellReader.Read(cells[columns.Type], description, example);
            if (type.Note is not null)
            {
                Report("AUTHGEN005", rowLine, _fileName, name, tableName, CellText.ToToken(cells[columns.Type]), type.Note);
            }

            var enumValues = type.Type.Kind == ValueKind.String
                ? EnumListReader.Read(description)
                : EquatableArray<EnumValueModel>.Empty;
            fields.Add(new FieldModel(
                name,
                type.Type,
                IsYes(CellText.ToToken(columns.Cell(cells, columns.Required))),
                CellText.ToPlainText(description),
                NullIfDash(CellText.ToToken(columns.Cell(cells, columns.Default))),
                example,
                enumValues,
                rowLine));
        }

        if (fields.Count > firstRow)
        {
            layout = !generatorLayout ? TableLayout.Reformatted : rowsIndented ? TableLayout.QueryRows : TableLayout.BodyRows;
        }

        return fields;
    }

    private bool IsRow(int line) => RawLine(line).TrimStart().StartsWith("|", StringComparison.Ordinal);

    private bool IsSeparator(int line)
    {
        if (!IsRow(line))
        {
            return false;
        }

        var cells = CellText.SplitRow(RawLine(line));
        return cells.Count > 0 && cells.TrueForAll(cell => cell.Length > 0 && cell.Trim(':', '-', ' ').Length == 0 && cell.IndexOf('-') >= 0);
    }

    private static bool IsYes(string value)
    {
        switch (value.Trim().ToLowerInvariant())
        {
            case "是":
            case "yes":
            case "y":
            case "true":
            case "required":
            case "必填":
                return true;
            default:
                return false;
        }
    }

    private static string? NullIfDash(string value) => value.Length == 0 || value == "-" ? null : value;

    /// <summary>The lines of a pipe table: its header line and the lines of its rows after the separator.</summary>
    public sealed class TableLines
    {
        public TableLines(int headerLine, List<int> rowLines)
        {
            HeaderLine = headerLine;
            RowLines = rowLines;
        }

        public int HeaderLine { get; }

        public List<int> RowLines { get; }
    }

    private int LineEnd(int line)
    {
        var end = line + 1 < _lineStarts.Count ? _lineStarts[line + 1] : _text.Length;
        while (end > _lineStarts[line] && (_text[end - 1] == '\n' || _text[end - 1] == '\r'))
        {
            end--;
        }

        return end;
    }

    private int LineOf(int offset)
    {
        var index = _lineStarts.BinarySearch(offset);
        return index >= 0 ? index : ~index - 1;
    }
}
