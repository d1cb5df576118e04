using System.Collections.Generic;
using Authing.Generated.Generator.Model;

namespace Authing.Generated.Generator.Parsing;

/// <summary>
/// Collects a page's field tables as the parser meets them: the request's, the response's and one set per
/// data-structure heading. No table is dropped without a diagnostic.
/// </summary>
internal sealed class PageTables
{
    private const string RequestTableName = "Request parameters";

    private readonly PageReader _reader;
    private readonly string _fileName;
    private readonly HashSet<string> _structureNames = new(System.StringComparer.Ordinal);

    private string? _structureName;
    private int _structureLine;
    private int _structureTableLine;
    private List<FieldModel>? _structureFields;

    public PageTables(PageReader reader, string fileName)
    {
        _reader = reader;
        _fileName = fileName;
    }

    public List<FieldModel> RequestFields { get; } = new();

    public TableLayout RequestLayout { get; private set; } = TableLayout.None;

    public StructureModel? Response { get; private set; }

    public List<StructureModel> Structures { get; } = new();

    /// <summary>
    /// Every table of the request section adds to the request: pages split parameters into several tables (by
    /// where they travel, say), but the operation takes them all.
    /// </summary>
    public void AddRequestTable(PageReader.TableLines table)
    {
        _reader.ReadFields(table, RequestTableName, RequestFields, out var layout);

        // The first table that yields rows is the one the page generator laid out, so it tells the method rule.
        if (RequestLayout == TableLayout.None)
        {
            RequestLayout = layout;
        }
    }

    /// <summary>
    /// The section's first table is the response envelope. A further table describes something else (the data's
    /// fields, error codes), which cannot be merged into the envelope, so it is reported rather than guessed at.
    /// </summary>
    public void AddResponseTable(PageReader.TableLines table, string responseTypeName, string sectionTitle)
    {
        if (Response is not null)
        {
            const string Reason = "the response is read from the section's first table";
            _reader.Report("AUTHGEN014", table.HeaderLine, _fileName, sectionTitle, Reason);
            return;
        }

        var fields = _reader.ReadFields(table, responseTypeName.Length == 0 ? "Response" : responseTypeName, out _);
        Response = new StructureModel(responseTypeName, string.Empty, fields.ToEquatableArray(), table.HeaderLine);
    }

    public void StartStructure(string name, int line)
    {
        EndStructure();
        if (name.Length > 0)
        {
            _structureName = name;
            _structureLine = line;
        }
    }

    /// <summary>Every table under one data-structure heading adds fields to that structure.</summary>
    public void AddStructureTable(PageReader.TableLines table, string sectionTitle)
    {
        if (_structureName is null)
        {
            const string Reason = "no data-structure heading names it";
            _reader.Report("AUTHGEN014", table.HeaderLine, _fileName, sectionTitle, Reason);
            return;
        }

        if (_structureFields is null)
        {
            _structureFields = new List<FieldModel>();
            _structureTableLine = table.HeaderLine;
        }

        _reader.ReadFields(table, _structureName, _structureFields, out _);
    }

    /// <summary>Ends the structure of the current heading, at the next heading or the end of the page.</summary>
    public void EndStructure()
    {
        var name = _structureName;
        var fields = _structureFields;
        _structureName = null;
        _structureFields = null;
        if (name is null || fields is null)
        {
            return;
        }

        var structure = new StructureModel(name, string.Empty, fields.ToEquatableArray(), _structureLine);
        if (_structureNames.Add(name))
        {
            Structures.Add(structure);
        }
        else if (FieldComparison.Describe(Structures.Find(s => s.Name == name)!.Fields, structure.Fields) is not null)
        {
            _reader.Report("AUTHGEN013", _structureTableLine, _fileName, name);
        }
    }
}
