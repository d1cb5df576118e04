using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using Authing.Generated.Generator.Model;
using Authing.Generated.Generator.Naming;

namespace Authing.Generated.Generator.Merging;

/// <summary>
/// Merges every page into one catalog: a type defined on several pages is emitted once, operations are
/// de-duplicated, links are resolved and every name becomes a unique C# identifier. The result depends only on
/// the pages' contents and paths, never on the order the compiler hands them over. The merge reads pages' outlines
/// (<see cref="PageOutline"/>) and leaves the doc comments as references into the pages, for
/// <see cref="Documentation"/> to fill.
/// </summary>
internal sealed class CatalogBuilder
{
    private static readonly string[] RuntimeTypeNames =
    {
        "AuthingClientOptions", "AuthingCallOptions", "AuthingException", "AuthingApiException",
        "AuthingHttpException", "AuthingSerializationException", "AuthingTimeoutException", "AuthingConfigurationException",
        "AuthingServiceCollectionExtensions",
    };

    // Framework types that calls of the generated clients take or return, and that the implicit usings of a .NET
    // project bring in: a page type of the same name in the generated namespace would make them ambiguous (CS0104)
    // in every file that also imports that namespace.
    private static readonly string[] FrameworkTypeNames =
    {
        "Task", "ValueTask", "CancellationToken", "CancellationTokenSource", "IReadOnlyList", "List", "Dictionary",
        "JsonNode", "JsonElement", "HttpClient", "IServiceCollection", "IConfiguration", "ILogger", "ILoggerFactory",
        "TimeSpan", "DateTime", "Uri", "Exception", "Console", "Action", "Func", "Type", "Object", "String",
    };

    // Namespaces the generated code, the runtime and their users write. A type named like one of their segments
    // hides that namespace from code inside the generated namespace (a user's test project beneath it, say), and a
    // type whose full name is a namespace's (Authing.Generated.Runtime) shadows it even for global:: references.
    private static readonly string[] ReservedNamespaces =
    {
        "System", "Microsoft", "Authing.Generated.Runtime", "Authing.Generated.Sandbox",
    };

    private readonly GeneratorSettings _settings;
    private readonly List<DiagnosticInfo> _diagnostics = new();
    private readonly Dictionary<string, StructureEntry> _structures;
    private readonly Dictionary<string, string> _typeNames;
    private readonly Dictionary<string, string> _propertyNames;
    private readonly Dictionary<string, string> _valueNames = new(StringComparer.Ordinal);
    private readonly HashSet<string> _takenTypeNames;

    // What holds each name a page's type may not have, so the rename diagnostic can say why.
    private readonly Dictionary<string, string> _reservedTypeNames = new(StringComparer.Ordinal);
    // Each enum, and the page whose code it is part of (its object's, set once the object is built), or Shared.
    private readonly List<KeyValuePair<EnumSpec, int>> _enums = new();

    // Whether a page can own code: its path is the only one of its kind, so the page can find its code by path.
    private bool[] _ownable = Array.Empty<bool>();
    private List<PageModel> _pages = new();

    // Diagnostics at a line of a page, and the page whose code reports them (or Shared).
    private readonly List<KeyValuePair<int, MergeDiagnostic>> _lineDiagnostics = new();

    // Member names taken in the record, and in an enum met while building it; each is started afresh per type, and
    // the members every generated type has are looked up in Identifiers.ReservedMemberNames instead.
    private readonly HashSet<string> _memberNames = new(StringComparer.Ordinal);
    private readonly HashSet<string> _enumMemberNames = new(StringComparer.Ordinal);
    private string _commonFolder = string.Empty;

    private CatalogBuilder(GeneratorSettings settings, int pageCount)
    {
        _settings = settings;

        // Sized for what pages usually hold (a request, a response and about two structures each), so that a merge,
        // which runs again on every edit of any page, does not regrow them step by step.
        _structures = new Dictionary<string, StructureEntry>(pageCount * 4, StringComparer.Ordinal);
        _typeNames = new Dictionary<string, string>(pageCount * 4, StringComparer.Ordinal);
        _propertyNames = new Dictionary<string, string>(pageCount * 4, StringComparer.Ordinal);
        _takenTypeNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var client in new[] { settings.ManagementClientName, settings.AuthenticationClientName })
        {
            Reserve(client, "the client class " + client);
            Reserve(client + "ServiceCollectionExtensions", "the class " + client + "ServiceCollectionExtensions");
        }

        foreach (var name in RuntimeTypeNames)
        {
            Reserve(name, "the runtime type " + name);
        }

        foreach (var name in FrameworkTypeNames)
        {
            Reserve(name, "the .NET type " + name);
        }

        foreach (var ns in ReservedNamespaces.Concat(new[] { settings.Namespace }))
        {
            var segments = ns.Split('.');
            for (var i = 0; i < segments.Length; i++)
            {
                Reserve(segments[i], "the namespace " + string.Join(".", segments, 0, i + 1));
            }
        }
    }

    private void Reserve(string name, string holder)
    {
        if (_takenTypeNames.Add(name))
        {
            _reservedTypeNames.Add(name, holder);
        }
    }

    // The group of code whose texts are on more than one page.
    private const int Shared = -1;

    /// <summary>
    /// Merges <paramref name="outlines"/> (<see cref="PageOutline.Of"/> of each page) into the plan of the code. Its
    /// <see cref="TextRef"/>s number the pages as <see cref="OperationPages"/> orders them.
    /// </summary>
    public static CatalogPlan Plan(ImmutableArray<PageModel> outlines, GeneratorSettings settings)
    {
        var ordered = OperationPages(outlines);
        return new CatalogBuilder(settings, ordered.Count).Run(ordered);
    }

    /// <summary>The merge and its documentation in one step, as the generator's stages do it, all in one catalog.</summary>
    public static CatalogModel Build(ImmutableArray<PageModel> pages, GeneratorSettings settings)
    {
        var plan = Plan(pages.Select(PageOutline.Of).ToImmutableArray(), settings);
        var code = new List<PageCode> { Documentation.FillShared(plan, pages) };
        foreach (var page in OperationPages(pages))
        {
            code.Add(Documentation.FillPage(page, plan));
        }

        return new CatalogModel(
            code.SelectMany(c => c.Objects).OrderBy(o => o.Name, StringComparer.Ordinal).ToEquatableArray(),
            code.SelectMany(c => c.Enums).OrderBy(e => e.Name, StringComparer.Ordinal).ToEquatableArray(),
            code.SelectMany(c => c.Operations)
                .OrderBy(o => o.ClientName, StringComparer.Ordinal)
                .ThenBy(o => o.MethodName, StringComparer.Ordinal)
                .ToEquatableArray(),
            plan.Clients,
            plan.Diagnostics.Concat(code.SelectMany(c => c.Diagnostics).Select(d => d.Info)).ToEquatableArray());
    }

    /// <summary>The pages that describe an operation, in path order; a stable sort, so pages sharing a path keep theirs.</summary>
    public static List<PageModel> OperationPages(IEnumerable<PageModel> pages) =>
        pages.Where(p => p.IsOperation).OrderBy(p => p.FilePath, StringComparer.Ordinal).ToList();

    private CatalogPlan Run(List<PageModel> pages)
    {
        _commonFolder = CommonFolder(pages);
        _pages = pages;
        _ownable = new bool[pages.Count];
        for (var i = 0; i < pages.Count; i++)
        {
            _ownable[i] = (i == 0 || pages[i - 1].FilePath != pages[i].FilePath)
                && (i == pages.Count - 1 || pages[i + 1].FilePath != pages[i].FilePath);
        }

        var operations = PlanOperations(pages);
        CollectStructures(pages, operations);
        NameTypes();

        var code = new CodeGroups(pages);
        var named = new List<KeyValuePair<string, StructureEntry>>(_structures.Count);
        foreach (var entry in _structures.Values)
        {
            named.Add(new KeyValuePair<string, StructureEntry>(_typeNames[entry.Key], entry));
        }

        // Type names are unique, so an unstable sort gives the same order as a stable one.
        named.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        foreach (var pair in named)
        {
            var enumsBefore = _enums.Count;
            var spec = BuildObject(pair.Value, out var group);
            code.Of(group).Objects.Add(spec);
            for (var i = enumsBefore; i < _enums.Count; i++)
            {
                _enums[i] = new KeyValuePair<EnumSpec, int>(_enums[i].Key, group);
            }
        }

        // Enum names are unique, so an unstable sort gives the same order as a stable one.
        _enums.Sort(static (a, b) => string.CompareOrdinal(a.Key.Name, b.Key.Name));
        foreach (var pair in _enums)
        {
            code.Of(pair.Value).Enums.Add(pair.Key);
        }

        var operationSpecs = new List<KeyValuePair<OperationSpec, int>>(operations.Count);
        foreach (var plan in operations)
        {
            operationSpecs.Add(new KeyValuePair<OperationSpec, int>(BuildOperation(plan), _ownable[plan.PageIndex] ? plan.PageIndex : Shared));
        }

        // Client and method name together are unique.
        operationSpecs.Sort(static (a, b) =>
        {
            var order = string.CompareOrdinal(a.Key.ClientName, b.Key.ClientName);
            return order != 0 ? order : string.CompareOrdinal(a.Key.MethodName, b.Key.MethodName);
        });
        foreach (var pair in operationSpecs)
        {
            code.Of(pair.Value).Operations.Add(pair.Key);
        }

        foreach (var pair in _lineDiagnostics)
        {
            code.Of(pair.Key).Diagnostics.Add(pair.Value);
        }

        var clients = operationSpecs
            .Select(o => o.Key.ClientName)
            .Distinct(StringComparer.Ordinal)
            .Select(n => new ClientSpec(_settings.Namespace, n, ClientDoc(n)))
            .ToList();

        // One file a page, named after it, and one for the code of several pages. File names are unique regardless of
        // case; the clients' and the shared file's are given first, so a page's never takes theirs.
        var hints = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var clientSpecs = clients.Select(c => c with { HintName = Hint(hints, c.Name) }).ToEquatableArray();
        var sharedName = Hint(hints, SharedHint);
        var shared = code.Of(Shared).ToCode(string.Empty);
        shared = shared.HasCode ? shared with { HintName = sharedName } : shared;
        return new CatalogPlan(
            code.Pages(slug => Hint(hints, PageHint(slug)), PageLabel), shared, clientSpecs, _diagnostics.ToEquatableArray(), SourcesOf(shared));
    }

    /// <summary>The pages <paramref name="shared"/> takes texts from, so that it is filled again only when one of them changes.</summary>
    private EquatableArray<SharedSource> SourcesOf(PageCode shared)
    {
        var indexes = new SortedSet<int>();
        foreach (var spec in shared.Objects)
        {
            Add(spec.Text);
            foreach (var property in spec.Properties)
            {
                Add(property.Text);
            }
        }

        foreach (var spec in shared.Enums)
        {
            Add(spec.Text);
            foreach (var member in spec.Members)
            {
                Add(member.Text);
            }
        }

        foreach (var spec in shared.Operations)
        {
            Add(spec.Text);
        }

        foreach (var diagnostic in shared.Diagnostics)
        {
            Add(diagnostic.At);
        }

        var sources = new List<SharedSource>(indexes.Count);
        foreach (var index in indexes)
        {
            var path = _pages[index].FilePath;
            var occurrence = 0;
            for (var i = index - 1; i >= 0 && _pages[i].FilePath == path; i--)
            {
                occurrence++;
            }

            sources.Add(new SharedSource(index, path, occurrence));
        }

        return sources.ToEquatableArray();

        void Add(TextRef text)
        {
            if (text.IsOnPage)
            {
                indexes.Add(text.Page);
            }
        }
    }

    /// <summary>
    /// A page's file is named after the page: without leading or trailing dots ("page" if nothing is left) and cut to a
    /// length every file system takes (a hash of the whole name keeps cut names apart).
    /// </summary>
    private static string PageHint(string slug)
    {
        const int longest = 64;
        var name = Emitting.Text.HintFragment(slug).Trim('.');
        if (name.Length == 0)
        {
            return "page";
        }

        if (name.Length > longest)
        {
            name = name.Substring(0, longest - 9).TrimEnd('.') + "-" + Emitting.Text.Fingerprint(slug);
        }

        return name;
    }

    // The name of the file of the code whose texts are on several pages.
    private const string SharedHint = "SharedTypes";

    private static string Hint(HashSet<string> taken, string name) =>
        Identifiers.MakeUnique(Emitting.Text.NotADevice(Emitting.Text.HintFragment(name)), taken) + ".g.cs";

    private string ClientDoc(string clientName) =>
        clientName == _settings.AuthenticationClientName
            ? "Calls the Authing authentication API operations described by the reference pages in this project."
            : "Calls the Authing management API operations described by the reference pages in this project.";

    /// <summary>
    /// One plan per operation. Pages whose file name matches their method name are planned first, so they keep the
    /// name; another page claiming the same name for another endpoint is named after its file instead, and pages
    /// describing the same endpoint are one operation.
    /// </summary>
    private List<OperationPlan> PlanOperations(List<PageModel> pages)
    {
        var plans = new List<OperationPlan>(pages.Count);
        var byKey = new Dictionary<(string Client, string Method), OperationPlan>(pages.Count);

        // The pages come in path order; those named by their file go first, each group keeping that order.
        var order = new List<int>(pages.Count);
        var later = new List<int>();
        for (var i = 0; i < pages.Count; i++)
        {
            (IsNamedByItsFile(pages[i]) ? order : later).Add(i);
        }

        order.AddRange(later);
        foreach (var index in order)
        {
            var page = pages[index];
            var client = ClientOf(page);
            var method = Identifiers.ToPascal(page.MethodName ?? page.Slug, "Call");
            if (byKey.TryGetValue((client, method), out var existing))
            {
                if (existing.Path == HttpMethodRule.Path(page))
                {
                    ReportOperationDifference(client + "." + method, existing.Page, page);
                    continue;
                }

                var wanted = method;
                method = Identifiers.ToPascal(page.Slug, "Call");
                if (byKey.ContainsKey((client, method)))
                {
                    // The lowest numeric suffix the client's methods do not have yet.
                    var stem = method;
                    for (var n = 2; byKey.ContainsKey((client, method)); n++)
                    {
                        method = stem + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    }
                }

                _diagnostics.Add(DiagnosticInfo.Create(
                    "AUTHGEN011",
                    SourceSpot.File(page.FilePath),
                    PageLabel(page),
                    page.MethodName ?? page.Slug,
                    client,
                    method + "Async",
                    PageLabel(existing.Page) + "'s " + wanted + "Async"));
            }

            var plan = new OperationPlan(page, index, client, method);
            byKey[(client, method)] = plan;
            plans.Add(plan);
        }

        return plans;
    }

    private static bool IsNamedByItsFile(PageModel page) =>
        page.MethodName is null
        || string.Equals(page.MethodName.Replace('_', '-'), page.Slug, StringComparison.OrdinalIgnoreCase);

    private void ReportOperationDifference(string key, PageModel first, PageModel second)
    {
        var difference = DescribeOperationDifference(first, second);
        if (difference is not null)
        {
            _diagnostics.Add(DiagnosticInfo.Create(
                "AUTHGEN008", SourceSpot.File(second.FilePath), key, PageLabel(first), PageLabel(second), difference));
        }
    }

    private string ClientOf(PageModel page)
    {
        if (page.ClientName is { } named && named.IndexOf("Authentication", StringComparison.OrdinalIgnoreCase) >= 0)
        {
            return _settings.AuthenticationClientName;
        }

        if (page.ClientName is null)
        {
            var path = page.FilePath.Replace('\\', '/');
            if (path.IndexOf("/authentication/", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return _settings.AuthenticationClientName;
            }
        }

        return _settings.ManagementClientName;
    }

    private void CollectStructures(List<PageModel> pages, List<OperationPlan> operations)
    {
        for (var i = 0; i < pages.Count; i++)
        {
            var structures = pages[i].Structures;
            for (var t = 0; t < structures.Count; t++)
            {
                AddStructure(structures[t], new Origin(pages[i], i, t, envelope: false), TextRef.Structure(i, t));
            }
        }

        foreach (var plan in operations)
        {
            var page = plan.Page;
            var response = page.Response;
            var responseName = response is { Name.Length: > 0 } ? response.Name : plan.Method + "RespDto";
            var envelope = response is not { Fields.IsEmpty: false };
            var responseFields = envelope ? EnvelopeFields : response!.Fields;
            plan.ResponseKey = responseName;
            AddStructure(
                new StructureModel(responseName, string.Empty, responseFields, response?.Line ?? 0),
                new Origin(page, plan.PageIndex, TextRef.ResponseTable, envelope),
                default);

            if (!page.RequestFields.IsEmpty)
            {
                var requestName = plan.Method + "Dto";
                if (_structures.ContainsKey(requestName))
                {
                    requestName = plan.Method + "Request";
                }

                var key = "request:" + plan.Client + "." + requestName;
                plan.RequestKey = key;
                _structures[key] = new StructureEntry(
                    key,
                    requestName,
                    new StructureModel(requestName, string.Empty, page.RequestFields, 0),
                    new Origin(page, plan.PageIndex, TextRef.RequestTable, envelope: false),
                    TextRef.Request(plan.PageIndex),
                    isRequest: true);
            }
        }
    }

    // The fields of a response whose page has no response table: the envelope every operation answers with.
    internal static readonly EquatableArray<FieldModel> EnvelopeFields = new[]
    {
        new FieldModel("statusCode", TypeRef.Number, false, "Business status code; 200 means success.", null, null, EquatableArray<EnumValueModel>.Empty, 0),
        new FieldModel("message", TypeRef.String, false, "Description of the result.", null, null, EquatableArray<EnumValueModel>.Empty, 0),
        new FieldModel("apiCode", TypeRef.Number, false, "Finer error code.", null, null, EquatableArray<EnumValueModel>.Empty, 0),
        new FieldModel("requestId", TypeRef.String, false, "Request ID.", null, null, EquatableArray<EnumValueModel>.Empty, 0),
        new FieldModel("data", TypeRef.Json, false, "The data the operation returned.", null, null, EquatableArray<EnumValueModel>.Empty, 0),
    }.ToEquatableArray();

    private void AddStructure(StructureModel structure, Origin origin, TextRef doc)
    {
        if (!_structures.TryGetValue(structure.Name, out var entry))
        {
            _structures.Add(structure.Name, new StructureEntry(structure.Name, structure.Name, structure, origin, doc, isRequest: false));
            return;
        }

        var difference = FieldComparison.Describe(entry.Structure.Fields, structure.Fields);
        if (difference is null)
        {
            return;
        }

        ReportAt(
            TextRef.Structure(origin.PageIndex, origin.Table),
            "AUTHGEN007",
            structure.Name,
            PageLabel(entry.Page),
            PageLabel(origin.Page),
            difference);

        // Nothing either page says is dropped: the other page's extra fields are added, and where both list values
        // for the same field, the values of both are kept (the enums are extensible, so a wider list loses nothing).
        // Tables are short, so fields are found by scanning rather than through a map built for each merge. Each
        // field, and each value, keeps the place its text is in.
        var first = entry.Structure.Fields;
        var second = structure.Fields;
        var merged = ImmutableArray.CreateBuilder<FieldModel>(first.Count + second.Count);
        var sources = new List<FieldSource>(first.Count + second.Count);
        for (var i = 0; i < first.Count; i++)
        {
            var field = first[i];
            var source = entry.SourceOf(i);
            var otherIndex = FieldComparison.IndexOf(second, field.JsonName);
            if (otherIndex >= 0 && second[otherIndex].Type.Equals(field.Type)
                && UnionOf(field.EnumValues, source, second[otherIndex].EnumValues, origin.FieldText(otherIndex)) is { } union)
            {
                merged.Add(field with { EnumValues = union.Values });
                sources.Add(union.Source);
            }
            else
            {
                merged.Add(field);
                sources.Add(source);
            }
        }

        for (var i = 0; i < second.Count; i++)
        {
            if (FieldComparison.IndexOf(first, second[i].JsonName) < 0)
            {
                merged.Add(second[i]);
                sources.Add(new FieldSource(origin.FieldText(i), null));
            }
        }

        entry.Structure = entry.Structure with { Fields = new(merged.ToImmutable()) };
        entry.Sources = sources;
    }

    /// <summary>The values of both lists, each once, or null when the second adds none to the first.</summary>
    private static (EquatableArray<EnumValueModel> Values, FieldSource Source)? UnionOf(
        EquatableArray<EnumValueModel> first, FieldSource firstSource, EquatableArray<EnumValueModel> second, TextRef secondText)
    {
        if (first.IsEmpty || second.IsEmpty)
        {
            return null;
        }

        // Pages that repeat a type usually list the same values: only a list that adds one is copied.
        if (!AddsValue(first, second))
        {
            return null;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var values = ImmutableArray.CreateBuilder<EnumValueModel>(first.Count + second.Count);
        var texts = new List<TextRef>(first.Count + second.Count);
        for (var j = 0; j < first.Count; j++)
        {
            seen.Add(first[j].Value);
            values.Add(first[j]);
            texts.Add(firstSource.ValueText(j));
        }

        for (var k = 0; k < second.Count; k++)
        {
            if (seen.Add(second[k].Value))
            {
                values.Add(second[k]);
                texts.Add(secondText.ValueAt(k));
            }
        }

        return (new(values.ToImmutable()), new FieldSource(firstSource.Text, texts.ToArray()));
    }

    /// <summary>Whether <paramref name="second"/> lists a value <paramref name="first"/> does not; lists are short.</summary>
    private static bool AddsValue(EquatableArray<EnumValueModel> first, EquatableArray<EnumValueModel> second)
    {
        foreach (var value in second)
        {
            var listed = false;
            foreach (var known in first)
            {
                if (string.Equals(known.Value, value.Value, StringComparison.Ordinal))
                {
                    listed = true;
                    break;
                }
            }

            if (!listed)
            {
                return true;
            }
        }

        return false;
    }

    private void NameTypes()
    {
        // Keys are unique, so an unstable sort gives the same order as a stable one.
        var entries = new List<StructureEntry>(_structures.Values);
        entries.Sort(static (a, b) => a.IsRequest != b.IsRequest
            ? (a.IsRequest ? 1 : -1)
            : string.CompareOrdinal(a.Key, b.Key));
        foreach (var entry in entries)
        {
            var candidate = Identifiers.ToTypeName(entry.RawName);
            var name = Identifiers.MakeUnique(candidate, _takenTypeNames);
            _typeNames[entry.Key] = name;
            if (name != entry.RawName && !entry.IsRequest)
            {
                var holder = _reservedTypeNames.TryGetValue(candidate, out var reserved) ? reserved
                    : name != candidate ? candidate
                    : entry.RawName;
                ReportAt(
                    TextRef.Structure(entry.Origin.PageIndex, entry.Origin.Table),
                    "AUTHGEN011",
                    PageLabel(entry.Page),
                    entry.RawName,
                    "the data structures",
                    name,
                    holder);
            }
        }
    }

    /// <summary>
    /// The record for <paramref name="entry"/>, and the page whose code it is part of: the page all its texts are on,
    /// or <see cref="Shared"/>.
    /// </summary>
    private ObjectSpec BuildObject(StructureEntry entry, out int group)
    {
        var typeName = _typeNames[entry.Key];
        var taken = StartMembers(_memberNames, typeName);
        var fields = entry.Structure.Fields;
        var properties = ImmutableArray.CreateBuilder<PropertySpec>(fields.Count);
        group = _ownable[entry.Origin.PageIndex] ? entry.Origin.PageIndex : Shared;
        for (var i = 0; i < fields.Count; i++)
        {
            var field = fields[i];
            var source = entry.SourceOf(i);
            group = GroupOf(group, source, field.EnumValues.Count);
            var candidate = PropertyNameOf(field.JsonName);
            var name = UniqueMember(candidate, taken);
            if (name != candidate && source.Text.IsOnPage)
            {
                // Reported at the row, on the page whose table has it.
                ReportAt(source.Text, "AUTHGEN011", PageLabel(_pages[source.Text.Page]), field.JsonName, typeName, name, candidate);
            }
            else if (name != candidate)
            {
                // A built-in envelope field has no row to point at.
                _diagnostics.Add(DiagnosticInfo.Create(
                    "AUTHGEN011", SourceSpot.File(entry.Page.FilePath), PageLabel(entry.Page), field.JsonName, typeName, name, candidate));
            }

            properties.Add(BuildProperty(field, source, name, typeName, entry.Page));
        }

        return new ObjectSpec(
            _settings.Namespace,
            typeName,
            string.Empty,
            entry.Page.FileName,
            entry.IsRequest,
            new(properties.MoveToImmutable()),
            entry.Doc);
    }

    private static int GroupOf(int group, FieldSource source, int valueCount)
    {
        if (group == Shared)
        {
            return Shared;
        }

        if (source.Text.IsOnPage && source.Text.Page != group)
        {
            return Shared;
        }

        for (var j = 0; j < valueCount; j++)
        {
            var text = source.ValueText(j);
            if (text.IsOnPage && text.Page != group)
            {
                return Shared;
            }
        }

        return group;
    }

    /// <summary>
    /// The PascalCase form of a JSON name, made once per merge: the same names (id, name, status, ...) recur in
    /// hundreds of tables, and the merge runs again on every edit of any page.
    /// </summary>
    private string PropertyNameOf(string jsonName)
    {
        if (!_propertyNames.TryGetValue(jsonName, out var name))
        {
            name = Identifiers.ToPascal(jsonName, "Field");
            _propertyNames.Add(jsonName, name);
        }

        return name;
    }

    /// <summary>The PascalCase form of a listed value, made once per merge: lists such as statuses recur across pages.</summary>
    private string ValueNameOf(string value)
    {
        if (!_valueNames.TryGetValue(value, out var name))
        {
            name = Identifiers.ToPascal(value, "Value");
            _valueNames.Add(value, name);
        }

        return name;
    }

    private PropertySpec BuildProperty(FieldModel field, FieldSource source, string name, string ownerType, PageModel owner)
    {
        var type = field.Type;
        var text = source.Text;
        var (shape, typeName) = type.Kind switch
        {
            ValueKind.String when !field.EnumValues.IsEmpty =>
                (ValueShape.Enum, AddEnum(ownerType + name.TrimStart('@'), field, source, owner)),
            ValueKind.String => (ValueShape.String, (string?)null),
            ValueKind.Number => (ValueShape.Number, null),
            ValueKind.Boolean => (ValueShape.Boolean, null),
            ValueKind.Named when type.Name is not null && _structures.ContainsKey(type.Name) =>
                (ValueShape.Object, _typeNames[type.Name]),
            _ => (ValueShape.Json, null),
        };

        if (type.Kind == ValueKind.Named && shape == ValueShape.Json)
        {
            // Reported where the row is: a field another page's table merged in is on that page.
            ReportAt(text, "AUTHGEN006", PageLabel(_pages[text.Page]), field.JsonName, ownerType, type.Name ?? string.Empty);
        }

        return new PropertySpec(name, field.JsonName, shape, type.IsArray, typeName, field.Required, string.Empty, text);
    }

    private string AddEnum(string candidate, FieldModel field, FieldSource source, PageModel owner)
    {
        var name = Identifiers.MakeUnique(Identifiers.ToTypeName(candidate), _takenTypeNames);
        var taken = StartMembers(_enumMemberNames, name);
        taken.Add("IsKnown");
        taken.Add("Known");
        var members = ImmutableArray.CreateBuilder<EnumMemberSpec>(field.EnumValues.Count);
        for (var j = 0; j < field.EnumValues.Count; j++)
        {
            var value = field.EnumValues[j].Value;
            var memberName = UniqueMember(ValueNameOf(value), taken);
            members.Add(new EnumMemberSpec(memberName, value, string.Empty, source.ValueText(j)));
        }

        var spec = new EnumSpec(
            _settings.Namespace, name, string.Empty, owner.FileName, new(members.MoveToImmutable()), Text: source.Text.AsEnumType());
        _enums.Add(new KeyValuePair<EnumSpec, int>(spec, Shared));
        return name;
    }

    /// <summary>A diagnostic at the line of the table or row <paramref name="at"/> points at, reported by that page's code.</summary>
    private void ReportAt(TextRef at, string id, params string[] arguments)
    {
        var info = DiagnosticInfo.Create(id, SourceSpot.File(_pages[at.Page].FilePath), arguments);
        _lineDiagnostics.Add(new KeyValuePair<int, MergeDiagnostic>(_ownable[at.Page] ? at.Page : Shared, new MergeDiagnostic(info, at)));
    }

    private static HashSet<string> StartMembers(HashSet<string> names, string typeName)
    {
        names.Clear();
        names.Add(typeName);
        return names;
    }

    /// <summary>
    /// <paramref name="candidate"/>, or it with the lowest numeric suffix that is neither a member every generated
    /// type has nor taken in <paramref name="taken"/>; then takes it. The reserved names are looked up rather than
    /// copied into every type's set.
    /// </summary>
    private static string UniqueMember(string candidate, HashSet<string> taken)
    {
        var name = candidate;
        for (var i = 2; Identifiers.ReservedMemberNames.Contains(name) || !taken.Add(name); i++)
        {
            name = candidate + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return name;
    }

    private OperationSpec BuildOperation(OperationPlan plan)
    {
        var page = plan.Page;
        var requestType = plan.RequestKey is null ? null : _typeNames[plan.RequestKey];
        return new OperationSpec(
            _settings.Namespace,
            plan.Client,
            plan.Method + "Async",
            HttpMethodRule.Method(page),
            plan.Path,
            requestType,
            page.RequestFields.All(f => !f.Required),
            _typeNames[plan.ResponseKey!],
            string.Empty,
            string.Empty,
            page.FileName,
            Text: TextRef.Operation(plan.PageIndex));
    }

    /// <summary>How two pages that describe one path differ, or null when they describe the same operation.</summary>
    private static string? DescribeOperationDifference(PageModel first, PageModel second)
    {
        var request = FieldComparison.Describe(first.RequestFields, second.RequestFields);
        if (request is not null)
        {
            return "request " + request;
        }

        if (!string.Equals(first.Response?.Name, second.Response?.Name, StringComparison.Ordinal))
        {
            return $"the response type is '{first.Response?.Name}' on one and '{second.Response?.Name}' on the other";
        }

        // The paths are the same: that is what made the two pages one operation.
        if (HttpMethodRule.Method(first) != HttpMethodRule.Method(second))
        {
            return "the HTTP methods differ";
        }

        return null;
    }

    /// <summary>A page named by its path below the folder all pages share: unambiguous, and the same on every machine.</summary>
    private string PageLabel(PageModel page)
    {
        var path = page.FilePath.Replace('\\', '/');
        return path.Length > _commonFolder.Length && path.StartsWith(_commonFolder, StringComparison.Ordinal)
            ? path.Substring(_commonFolder.Length)
            : path;
    }

    private static string CommonFolder(List<PageModel> pages)
    {
        if (pages.Count == 0)
        {
            return string.Empty;
        }

        var common = pages[0].FilePath.Replace('\\', '/');
        common = common.Substring(0, common.LastIndexOf('/') + 1);
        foreach (var page in pages)
        {
            var path = page.FilePath.Replace('\\', '/');
            while (common.Length > 0 && !path.StartsWith(common, StringComparison.Ordinal))
            {
                var cut = common.Length >= 2 ? common.LastIndexOf('/', common.Length - 2) : -1;
                common = cut < 0 ? string.Empty : common.Substring(0, cut + 1);
            }
        }

        return common;
    }

    private sealed class OperationPlan
    {
        private string? _path;

        public OperationPlan(PageModel page, int pageIndex, string client, string method)
        {
            Page = page;
            PageIndex = pageIndex;
            Client = client;
            Method = method;
        }

        public PageModel Page { get; }

        public int PageIndex { get; }

        public string Client { get; }

        public string Method { get; }

        /// <summary>The path the operation calls, worked out when first asked for.</summary>
        public string Path => _path ??= HttpMethodRule.Path(Page);

        public string? RequestKey { get; set; }

        public string? ResponseKey { get; set; }
    }

    private sealed class StructureEntry
    {
        public StructureEntry(string key, string rawName, StructureModel structure, Origin origin, TextRef doc, bool isRequest)
        {
            Key = key;
            RawName = rawName;
            Structure = structure;
            Origin = origin;
            Doc = doc;
            IsRequest = isRequest;
        }

        public string Key { get; }

        public string RawName { get; }

        public StructureModel Structure { get; set; }

        /// <summary>The table that defined the structure first.</summary>
        public Origin Origin { get; }

        public PageModel Page => Origin.Page;

        public TextRef Doc { get; }

        public bool IsRequest { get; }

        /// <summary>Where each field's texts are, once another page's table is merged in; until then, all are in <see cref="Origin"/>.</summary>
        public List<FieldSource>? Sources { get; set; }

        public FieldSource SourceOf(int field) =>
            Sources is { } sources ? sources[field] : new FieldSource(Origin.FieldText(field), null);
    }

    /// <summary>A table of a page: the page, its place in path order, and which of its tables.</summary>
    private readonly struct Origin
    {
        private readonly bool _envelope;

        public Origin(PageModel page, int pageIndex, int table, bool envelope)
        {
            Page = page;
            PageIndex = pageIndex;
            Table = table;
            _envelope = envelope;
        }

        public PageModel Page { get; }

        public int PageIndex { get; }

        public int Table { get; }

        /// <summary>Where the text of the table's field at <paramref name="row"/> is.</summary>
        public TextRef FieldText(int row) => TextRef.Field(PageIndex, Table, row, _envelope);
    }

    /// <summary>Where a merged field's text is, and those of its listed values when they come from several tables.</summary>
    private readonly struct FieldSource
    {
        private readonly TextRef[]? _values;

        public FieldSource(TextRef text, TextRef[]? values)
        {
            Text = text;
            _values = values;
        }

        public TextRef Text { get; }

        public TextRef ValueText(int value) => _values is { } values ? values[value] : Text.ValueAt(value);
    }

    /// <summary>The code planned for each page, and for none in particular, while it is gathered.</summary>
    private sealed class CodeGroups
    {
        private readonly List<PageModel> _pages;
        private readonly CodeGroup?[] _groups;
        private readonly CodeGroup _shared = new();

        public CodeGroups(List<PageModel> pages)
        {
            _pages = pages;
            _groups = new CodeGroup?[pages.Count];
        }

        public CodeGroup Of(int page) => page == Shared ? _shared : _groups[page] ??= new CodeGroup();

        /// <summary>
        /// Each page's code in path order; <paramref name="hint"/> names the file of a page with any, by its slug, and
        /// <paramref name="label"/> names the page in that file.
        /// </summary>
        public EquatableArray<PageCode> Pages(Func<string, string> hint, Func<PageModel, string> label)
        {
            var code = ImmutableArray.CreateBuilder<PageCode>();
            for (var i = 0; i < _groups.Length; i++)
            {
                if (_groups[i] is { } group)
                {
                    var page = _pages[i];
                    var planned = group.ToCode(page.FilePath);
                    code.Add(planned.HasCode ? planned with { HintName = hint(page.Slug), PageLabel = label(page) } : planned);
                }
            }

            return new(code.ToImmutable());
        }
    }

    private sealed class CodeGroup
    {
        public List<ObjectSpec> Objects { get; } = new();

        public List<EnumSpec> Enums { get; } = new();

        public List<OperationSpec> Operations { get; } = new();

        public List<MergeDiagnostic> Diagnostics { get; } = new();

        public PageCode ToCode(string filePath) =>
            new(filePath, Objects.ToEquatableArray(), Enums.ToEquatableArray(), Operations.ToEquatableArray(), Diagnostics.ToEquatableArray());
    }
}
