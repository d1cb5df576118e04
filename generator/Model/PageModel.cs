namespace Authing.Generated.Generator.Model;

/// <summary>One value of an enumeration listed in a field's description.</summary>
internal sealed record EnumValueModel(string Value, string Description);

/// <summary>One row of a parameter, response or data-structure table.</summary>
internal sealed record FieldModel(
    string JsonName,
    TypeRef Type,
    bool Required,
    string Description,
    string? DefaultValue,
    string? Example,
    EquatableArray<EnumValueModel> EnumValues,
    int Line);

/// <summary>A table of fields with a name: a data structure, a response type or a request.</summary>
internal sealed record StructureModel(string Name, string Description, EquatableArray<FieldModel> Fields, int Line);

/// <summary>
/// How the request table was laid out. The docs generator writes separators of four dashes and indents the rows of
/// query parameters; a table re-formatted by hand or by a formatter has lost that signal.
/// </summary>
internal enum TableLayout
{
    None,
    QueryRows,
    BodyRows,
    Reformatted,
}

/// <summary>An HTTP method and path stated for an operation, in the page or in the project file.</summary>
internal sealed record EndpointOverride(string? Method, string? Path);

/// <summary>Everything the generator takes from one reference page. Holds only values, never Roslyn objects.</summary>
internal sealed record PageModel(
    string FilePath,
    string FileName,
    string Slug,
    bool IsOperation,
    string Title,
    string Description,
    string? ClientName,
    string? MethodName,
    EquatableArray<FieldModel> RequestFields,
    TableLayout RequestLayout,
    EndpointOverride? Endpoint,
    StructureModel? Response,
    string? ExampleJson,
    int ExampleLine,
    EquatableArray<StructureModel> Structures,
    EquatableArray<DiagnosticInfo> Diagnostics)
{
    /// <summary>A page that yields no code, only the diagnostic saying why.</summary>
    public static PageModel WithoutCode(string filePath, string fileName, string slug, DiagnosticInfo diagnostic) =>
        new(
            filePath,
            fileName,
            slug,
            false,
            string.Empty,
            string.Empty,
            null,
            null,
            EquatableArray<FieldModel>.Empty,
            TableLayout.None,
            null,
            null,
            null,
            0,
            EquatableArray<StructureModel>.Empty,
            new[] { diagnostic }.ToEquatableArray());
}
