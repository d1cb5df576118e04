using Microsoft.CodeAnalysis;

namespace Authing.Generated.Generator.Diagnostics;

/// <summary>Every diagnostic the generator reports, with its stable ID. Messages name the page and, where known, the row.</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "Authing.Generated";

    public static readonly DiagnosticDescriptor NotAnOperation = Create(
        "AUTHGEN001",
        "Page describes no operation",
        "Page '{0}' has no request-parameter or response table, so no client code is generated for it",
        DiagnosticSeverity.Info,
        "Concept pages and SDK convenience pages have no endpoint of their own. Nothing to fix unless the page was meant to describe an operation.");

    public static readonly DiagnosticDescriptor UnreadablePage = Create(
        "AUTHGEN002",
        "Page cannot be read",
        "Page '{0}' cannot be used: {1}",
        DiagnosticSeverity.Warning,
        "Save the page as UTF-8 Markdown in the reference-page format: a title, a request-parameter table and a response table.");

    public static readonly DiagnosticDescriptor MalformedTable = Create(
        "AUTHGEN003",
        "Table cannot be read",
        "Page '{0}': the table under '{1}' cannot be read: {2}",
        DiagnosticSeverity.Warning,
        "A table needs a header row with at least the Name and Type columns, then a separator row.");

    public static readonly DiagnosticDescriptor MalformedRow = Create(
        "AUTHGEN004",
        "Table row skipped",
        "Page '{0}': a row of the table '{1}' was skipped: {2}",
        DiagnosticSeverity.Warning,
        "Each row needs a non-empty name cell and as many cells as the header.");

    public static readonly DiagnosticDescriptor UnknownTypeCell = Create(
        "AUTHGEN005",
        "Type cell not understood",
        "Page '{0}': field '{1}' of '{2}' has the type cell '{3}', which is read as {4}",
        DiagnosticSeverity.Info,
        "Use string, number, boolean, object, array, string[], number[] or a link to a data structure.");

    public static readonly DiagnosticDescriptor UndefinedType = Create(
        "AUTHGEN006",
        "Linked type is not defined",
        "Page '{0}': field '{1}' of '{2}' links to type '{3}', which no page defines; it is read as free-form JSON",
        DiagnosticSeverity.Warning,
        "Add a Data Structure section for the type on this page or another page, or fix the link.");

    public static readonly DiagnosticDescriptor ConflictingType = Create(
        "AUTHGEN007",
        "Pages disagree about a type",
        "Type '{0}' is defined differently by '{1}' and '{2}' ({3}); the definition of '{1}' is used and the other's extra fields are added",
        DiagnosticSeverity.Warning,
        "Make the pages agree, or keep one of them in specs/.");

    public static readonly DiagnosticDescriptor ConflictingOperation = Create(
        "AUTHGEN008",
        "Pages disagree about an operation",
        "Operation '{0}' is described differently by '{1}' and '{2}' ({3}); the page '{1}' is used",
        DiagnosticSeverity.Warning,
        "Keep one page per operation in specs/, or make the pages agree.");

    public static readonly DiagnosticDescriptor DuplicateField = Create(
        "AUTHGEN009",
        "Field listed twice",
        "Page '{0}': field '{1}' appears twice in '{2}'; the first row is used",
        DiagnosticSeverity.Warning,
        "Remove the second row.");

    public static readonly DiagnosticDescriptor InvalidEndpoint = Create(
        "AUTHGEN010",
        "Stated endpoint is not valid",
        "Page '{0}': the stated endpoint '{1}' is not valid: {2}",
        DiagnosticSeverity.Warning,
        "Write the endpoint as <!-- endpoint: POST /api/v3/operation --> with GET, POST, PUT, PATCH or DELETE and a path starting with /.");

    public static readonly DiagnosticDescriptor RenamedMember = Create(
        "AUTHGEN011",
        "Name changed to stay unique",
        "Page '{0}': '{1}' in '{2}' becomes the C# name '{3}' because '{4}' is already taken",
        DiagnosticSeverity.Info,
        "Names that collide after conversion to C#, or with a namespace or class the generated code or its users " +
        "refer to, get a suffix; the JSON name on the wire is unchanged.");

    public static readonly DiagnosticDescriptor GeneratorFailure = Create(
        "AUTHGEN012",
        "Page could not be processed",
        "Page '{0}' could not be processed and was skipped: {1}",
        DiagnosticSeverity.Warning,
        "The rest of the build goes on. Please report the page that caused it.");

    public static readonly DiagnosticDescriptor DuplicateStructure = Create(
        "AUTHGEN013",
        "Data structure listed twice on a page",
        "Page '{0}': data structure '{1}' is defined twice; the first definition is used",
        DiagnosticSeverity.Warning,
        "Remove the second definition.");

    public static readonly DiagnosticDescriptor UnusedTable = Create(
        "AUTHGEN014",
        "Table not used",
        "Page '{0}': a table in the section '{1}' is not used: {2}",
        DiagnosticSeverity.Warning,
        "A response section has one table, the envelope; describe the data's fields under a heading of their own in " +
        "the Data Structure section. A table there needs a heading such as ### <a id=\"Name\"></a> Name.");

    public static readonly DiagnosticDescriptor InvalidDerivedPath = Create(
        "AUTHGEN015",
        "Page name gives no valid path",
        "Page '{0}': the path '{1}' made from the page's file name is not valid: {2}",
        DiagnosticSeverity.Warning,
        "Rename the page after its operation, or state the endpoint as <!-- endpoint: POST /api/v3/operation -->.");

    public static DiagnosticDescriptor? Find(string id) => id switch
    {
        "AUTHGEN001" => NotAnOperation,
        "AUTHGEN002" => UnreadablePage,
        "AUTHGEN003" => MalformedTable,
        "AUTHGEN004" => MalformedRow,
        "AUTHGEN005" => UnknownTypeCell,
        "AUTHGEN006" => UndefinedType,
        "AUTHGEN007" => ConflictingType,
        "AUTHGEN008" => ConflictingOperation,
        "AUTHGEN009" => DuplicateField,
        "AUTHGEN010" => InvalidEndpoint,
        "AUTHGEN011" => RenamedMember,
        "AUTHGEN012" => GeneratorFailure,
        "AUTHGEN013" => DuplicateStructure,
        "AUTHGEN014" => UnusedTable,
        "AUTHGEN015" => InvalidDerivedPath,
        _ => null,
    };

    private static DiagnosticDescriptor Create(
        string id, string title, string message, DiagnosticSeverity severity, string help) =>
        new(id, title, message, Category, severity, isEnabledByDefault: true, description: help);
}
