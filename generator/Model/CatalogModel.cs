namespace Authing.Generated.Generator.Model;

/// <summary>MSBuild settings that shape the output: namespace and client class names.</summary>
internal sealed record GeneratorSettings(string Namespace, string ManagementClientName, string AuthenticationClientName)
{
    public const string DefaultNamespace = "Authing.Generated";
    public const string DefaultManagementClient = "ManagementClient";
    public const string DefaultAuthenticationClient = "AuthenticationClient";

    public static readonly GeneratorSettings Default =
        new(DefaultNamespace, DefaultManagementClient, DefaultAuthenticationClient);
}

/// <summary>How a property's value travels on the wire.</summary>
internal enum ValueShape
{
    Json,
    String,
    Number,
    Boolean,
    Object,
    Enum,
}

/// <summary>A property of a generated record: its C# name, JSON name, shape and documentation.</summary>
internal sealed record PropertySpec(
    string Name,
    string JsonName,
    ValueShape Shape,
    bool IsArray,
    string? TypeName,
    bool Required,
    string Doc,
    TextRef Text = default);

/// <summary>A generated record: a data structure, a response envelope or an operation's request.</summary>
internal sealed record ObjectSpec(
    string Namespace,
    string Name,
    string Doc,
    string SourcePage,
    bool IsRequest,
    EquatableArray<PropertySpec> Properties,
    TextRef Text = default);

/// <summary>One known value of a generated enumeration.</summary>
internal sealed record EnumMemberSpec(string Name, string Value, string Doc, TextRef Text = default);

/// <summary>A generated extensible enumeration: known values, while unknown ones still read.</summary>
internal sealed record EnumSpec(
    string Namespace,
    string Name,
    string Doc,
    string SourcePage,
    EquatableArray<EnumMemberSpec> Members,
    TextRef Text = default);

/// <summary>A generated client method and the endpoint it calls.</summary>
internal sealed record OperationSpec(
    string Namespace,
    string ClientName,
    string MethodName,
    string HttpMethod,
    string Path,
    string? RequestTypeName,
    bool RequestIsOptional,
    string ResponseTypeName,
    string Summary,
    string Remarks,
    string SourcePage,
    TextRef Text = default);

/// <summary>A generated client class: its constructors and dependency-injection registration.</summary>
internal sealed record ClientSpec(string Namespace, string Name, string Doc, string HintName = "");

/// <summary>Every page merged: the types, enums, operations and clients to emit, and what the merge found.</summary>
internal sealed record CatalogModel(
    EquatableArray<ObjectSpec> Objects,
    EquatableArray<EnumSpec> Enums,
    EquatableArray<OperationSpec> Operations,
    EquatableArray<ClientSpec> Clients,
    EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>
/// A diagnostic of the merge. When <paramref name="At"/> is set, it points at that table or row, whose line is looked
/// up in the page when the page's code is filled: outlines keep no lines, so that adding one does not merge again.
/// </summary>
internal sealed record MergeDiagnostic(DiagnosticInfo Info, TextRef At = default);

/// <summary>
/// The code one page owns once the pages are merged: its operations, and the types and enums whose every text is
/// on it, emitted as one file named <paramref name="HintName"/> whose header names the page by
/// <paramref name="PageLabel"/>, its path below the folder all pages share. In a <see cref="CatalogPlan"/> the doc
/// comments are still empty; <c>Documentation</c> fills them in from the page.
/// </summary>
internal sealed record PageCode(
    string FilePath,
    EquatableArray<ObjectSpec> Objects,
    EquatableArray<EnumSpec> Enums,
    EquatableArray<OperationSpec> Operations,
    EquatableArray<MergeDiagnostic> Diagnostics,
    string HintName = "",
    string PageLabel = "")
{
    /// <summary>Whether there is a file to emit, not only diagnostics.</summary>
    public bool HasCode => !Objects.IsEmpty || !Enums.IsEmpty || !Operations.IsEmpty;

    public static PageCode Empty(string filePath) =>
        new(filePath, EquatableArray<ObjectSpec>.Empty, EquatableArray<EnumSpec>.Empty, EquatableArray<OperationSpec>.Empty, EquatableArray<MergeDiagnostic>.Empty);
}

/// <summary>
/// A page, the code planned for it (null when it owns none) and whether the shared code takes texts from it. Equal to
/// the last one when neither the page nor its part of the plan changed, however the rest of the plan did, so that
/// page's doc comments are not filled again.
/// </summary>
internal sealed record PagePlan(PageModel Page, PageCode? Planned, bool FeedsShared = false);

/// <summary>
/// A page the shared code takes texts from: its place among the operation pages in path order, its path, and which
/// of the operation pages at that path it is, in the order the compiler handed them over (a host may hand over two).
/// </summary>
internal sealed record SharedSource(int Index, string FilePath, int Occurrence);

/// <summary>
/// The merge of every page's outline (<c>PageOutline</c>): all names, types and hint names decided,
/// with the doc comments left as <see cref="TextRef"/>s. The code of each operation page is kept apart, in path
/// order, so that an edit to a page's wording only fills that page's code again; what draws its texts from several
/// pages is in <see cref="Shared"/>.
/// </summary>
internal sealed record CatalogPlan(
    EquatableArray<PageCode> Pages,
    PageCode Shared,
    EquatableArray<ClientSpec> Clients,
    EquatableArray<DiagnosticInfo> Diagnostics,
    EquatableArray<SharedSource> SharedSources = default)
{
    /// <summary>Whether <see cref="Shared"/> takes any text from the page at <paramref name="filePath"/>.</summary>
    public bool FeedsShared(string filePath)
    {
        foreach (var source in SharedSources)
        {
            if (string.Equals(source.FilePath, filePath, System.StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The planned code of the page at this path, or null when it owns none.</summary>
    public PageCode? Find(string filePath)
    {
        int low = 0, high = Pages.Count - 1;
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            var order = string.CompareOrdinal(Pages[middle].FilePath, filePath);
            if (order == 0)
            {
                return Pages[middle];
            }

            if (order < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return null;
    }
}
