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
/// the pages' contents and paths, never on the order the compiler hands them over.
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
    private readonly HashSet<string> _takenTypeNames = new(StringComparer.Ordinal);

    // What holds each name a page's type may not have, so the rename diagnostic can say why.
    private readonly Dictionary<string, string> _reservedTypeNames = new(StringComparer.Ordinal);
    private readonly List<EnumSpec> _enums = new();

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

    public static CatalogModel Build(ImmutableArray<PageModel> pages, GeneratorSettings settings)
    {
        var ordered = pages
            .Where(p => p.IsOperation)
            .OrderBy(p => p.FilePath, StringComparer.Ordinal)
            .ToList();
        return new CatalogBuilder(settings, ordered.Count).Run(ordered);
    }

    private CatalogModel Run(List<PageModel> pages)
    {
        _commonFolder = CommonFolder(pages);
        var operations = PlanOperations(pages);
        CollectStructures(pages, operations);
        NameTypes();

        // Hint names are unique across all files, given in this order: objects, enums, operations, clients. An
        // object's is known when it is built; the others are sorted first and given theirs afterwards.
        var hints = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var objects = new List<ObjectSpec>(_structures.Count);
        var named = new List<KeyValuePair<string, StructureEntry>>(_structures.Count);
        foreach (var entry in _structures.Values)
        {
            named.Add(new KeyValuePair<string, StructureEntry>(_typeNames[entry.Key], entry));
        }

        // Type names are unique, so an unstable sort gives the same order as a stable one.
        named.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        foreach (var pair in named)
        {
            objects.Add(BuildObject(pair.Value, Hint(hints, pair.Key)));
        }

        var operationSpecs = new List<OperationSpec>();
        foreach (var plan in operations)
        {
            operationSpecs.Add(BuildOperation(plan));
        }

        var clients = operationSpecs
            .Select(o => o.ClientName)
            .Distinct(StringComparer.Ordinal)
            .OrderBy(n => n, StringComparer.Ordinal)
            .Select(n => new ClientSpec(_settings.Namespace, n, ClientDoc(n)))
            .ToList();

        return new CatalogModel(
            objects.ToEquatableArray(),
            _enums.OrderBy(e => e.Name, StringComparer.Ordinal)
                .Select(e => e with { HintName = Hint(hints, e.Name) })
                .ToEquatableArray(),
            operationSpecs.OrderBy(o => o.ClientName, StringComparer.Ordinal)
                .ThenBy(o => o.MethodName, StringComparer.Ordinal)
                .Select(o => o with { HintName = Hint(hints, o.ClientName + "." + o.MethodName) })
                .ToEquatableArray(),
            clients.Select(c => c with { HintName = Hint(hints, c.Name) }).ToEquatableArray(),
            _diagnostics.ToEquatableArray());
    }

    private static string Hint(HashSet<string> taken, string name) =>
        Identifiers.MakeUnique(Emitting.Text.HintFragment(name), taken) + ".g.cs";

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
        var named = pages.Where(IsNamedByItsFile);
        foreach (var page in named.Concat(pages.Where(p => !IsNamedByItsFile(p))))
        {
            var client = ClientOf(page);
            var method = Identifiers.ToPascal(page.MethodName ?? page.Slug, "Call");
            if (byKey.TryGetValue((client, method), out var existing))
            {
                if (HttpMethodRule.Path(existing.Page) == HttpMethodRule.Path(page))
                {
                    ReportOperationDifference(client + "." + method, existing.Page, page);
                    continue;
                }

                var wanted = method;
                method = Identifiers.ToPascal(page.Slug, "Call");
                if (byKey.ContainsKey((client, method)))
                {
                    var clientMethods = new HashSet<string>(
                        byKey.Keys.Where(k => k.Client == client).Select(k => k.Method), StringComparer.Ordinal);
                    method = Identifiers.MakeUnique(method, clientMethods);
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

            var plan = new OperationPlan(page, client, method);
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
        foreach (var page in pages)
        {
            foreach (var structure in page.Structures)
            {
                AddStructure(structure, page);
            }
        }

        foreach (var plan in operations)
        {
            var page = plan.Page;
            var response = page.Response;
            var responseName = response is { Name.Length: > 0 } ? response.Name : plan.Method + "RespDto";
            var responseFields = response is { Fields.IsEmpty: false } ? response.Fields : EnvelopeFields;
            plan.ResponseKey = responseName;
            AddStructure(new StructureModel(responseName, string.Empty, responseFields, response?.Line ?? 0), page);

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
                    new StructureModel(requestName, page.Title, page.RequestFields, 0),
                    page,
                    isRequest: true);
            }
        }
    }

    // The fields of a response whose page has no response table: the envelope every operation answers with.
    private static readonly EquatableArray<FieldModel> EnvelopeFields = new[]
    {
        new FieldModel("statusCode", TypeRef.Number, false, "Business status code; 200 means success.", null, null, EquatableArray<EnumValueModel>.Empty, 0),
        new FieldModel("message", TypeRef.String, false, "Description of the result.", null, null, EquatableArray<EnumValueModel>.Empty, 0),
        new FieldModel("apiCode", TypeRef.Number, false, "Finer error code.", null, null, EquatableArray<EnumValueModel>.Empty, 0),
        new FieldModel("requestId", TypeRef.String, false, "Request ID.", null, null, EquatableArray<EnumValueModel>.Empty, 0),
        new FieldModel("data", TypeRef.Json, false, "The data the operation returned.", null, null, EquatableArray<EnumValueModel>.Empty, 0),
    }.ToEquatableArray();

    private void AddStructure(StructureModel structure, PageModel page)
    {
        if (!_structures.TryGetValue(structure.Name, out var entry))
        {
            _structures.Add(structure.Name, new StructureEntry(structure.Name, structure.Name, structure, page, isRequest: false));
            return;
        }

        var difference = FieldComparison.Describe(entry.Structure.Fields, structure.Fields);
        if (difference is null)
        {
            return;
        }

        _diagnostics.Add(DiagnosticInfo.Create(
            "AUTHGEN007",
            new SourceSpot(page.FilePath, 0, 0, structure.Line, 0, structure.Line, 0),
            structure.Name,
            PageLabel(entry.Page),
            PageLabel(page),
            difference));

        // Nothing either page says is dropped: the other page's extra fields are added, and where both list values
        // for the same field, the values of both are kept (the enums are extensible, so a wider list loses nothing).
        // Tables are short, so fields are found by scanning rather than through a map built for each merge.
        var first = entry.Structure.Fields;
        var merged = ImmutableArray.CreateBuilder<FieldModel>(first.Count + structure.Fields.Count);
        foreach (var field in first)
        {
            var other = FieldComparison.Find(structure.Fields, field.JsonName);
            var values = other is not null && other.Type.Equals(field.Type)
                ? UnionOf(field.EnumValues, other.EnumValues)
                : field.EnumValues;
            merged.Add(values == field.EnumValues ? field : field with { EnumValues = values });
        }

        foreach (var field in structure.Fields)
        {
            if (FieldComparison.Find(first, field.JsonName) is null)
            {
                merged.Add(field);
            }
        }

        entry.Structure = entry.Structure with { Fields = new(merged.ToImmutable()) };
    }

    private static EquatableArray<EnumValueModel> UnionOf(EquatableArray<EnumValueModel> first, EquatableArray<EnumValueModel> second)
    {
        if (first.IsEmpty || second.IsEmpty)
        {
            return first;
        }

        // Pages that repeat a type usually list the same values: only a list that adds one is copied.
        if (second.All(v => first.Any(f => string.Equals(f.Value, v.Value, StringComparison.Ordinal))))
        {
            return first;
        }

        var values = new HashSet<string>(first.Select(v => v.Value), StringComparer.Ordinal);
        return first.Concat(second.Where(v => values.Add(v.Value))).ToEquatableArray();
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
                var line = entry.Structure.Line;
                _diagnostics.Add(DiagnosticInfo.Create(
                    "AUTHGEN011",
                    new SourceSpot(entry.Page.FilePath, 0, 0, line, 0, line, 0),
                    PageLabel(entry.Page),
                    entry.RawName,
                    "the data structures",
                    name,
                    holder));
            }
        }
    }

    private ObjectSpec BuildObject(StructureEntry entry, string hintName)
    {
        var typeName = _typeNames[entry.Key];
        var taken = StartMembers(_memberNames, typeName);
        var properties = ImmutableArray.CreateBuilder<PropertySpec>(entry.Structure.Fields.Count);
        foreach (var field in entry.Structure.Fields)
        {
            var candidate = PropertyNameOf(field.JsonName);
            var name = UniqueMember(candidate, taken);
            if (name != candidate)
            {
                _diagnostics.Add(DiagnosticInfo.Create(
                    "AUTHGEN011",
                    SourceSpot.File(entry.Page.FilePath),
                    PageLabel(entry.Page),
                    field.JsonName,
                    typeName,
                    name,
                    candidate));
            }

            properties.Add(BuildProperty(field, name, typeName, entry.Page));
        }

        var doc = entry.IsRequest
            ? "The parameters of the operation \"" + entry.Structure.Description + "\"."
            : entry.Structure.Description;
        return new ObjectSpec(
            _settings.Namespace,
            typeName,
            doc,
            entry.Page.FileName,
            entry.IsRequest,
            new(properties.MoveToImmutable()),
            hintName);
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

    private PropertySpec BuildProperty(FieldModel field, string name, string ownerType, PageModel page)
    {
        var type = field.Type;
        switch (type.Kind)
        {
            case ValueKind.String when !field.EnumValues.IsEmpty:
                var enumName = AddEnum(ownerType + name.TrimStart('@'), field, page);
                return new PropertySpec(name, field.JsonName, ValueShape.Enum, type.IsArray, enumName, field.Required, field.Description);
            case ValueKind.String:
                return new PropertySpec(name, field.JsonName, ValueShape.String, type.IsArray, null, field.Required, field.Description);
            case ValueKind.Number:
                return new PropertySpec(name, field.JsonName, ValueShape.Number, type.IsArray, null, field.Required, field.Description);
            case ValueKind.Boolean:
                return new PropertySpec(name, field.JsonName, ValueShape.Boolean, type.IsArray, null, field.Required, field.Description);
            case ValueKind.Named when type.Name is not null && _structures.ContainsKey(type.Name):
                return new PropertySpec(name, field.JsonName, ValueShape.Object, type.IsArray, _typeNames[type.Name], field.Required, field.Description);
            case ValueKind.Named:
                _diagnostics.Add(DiagnosticInfo.Create(
                    "AUTHGEN006",
                    new SourceSpot(page.FilePath, 0, 0, field.Line, 0, field.Line, 0),
                    PageLabel(page),
                    field.JsonName,
                    ownerType,
                    type.Name ?? string.Empty));
                return new PropertySpec(name, field.JsonName, ValueShape.Json, type.IsArray, null, field.Required, field.Description);
            default:
                return new PropertySpec(name, field.JsonName, ValueShape.Json, type.IsArray, null, field.Required, field.Description);
        }
    }

    private string AddEnum(string candidate, FieldModel field, PageModel page)
    {
        var name = Identifiers.MakeUnique(Identifiers.ToTypeName(candidate), _takenTypeNames);
        var taken = StartMembers(_enumMemberNames, name);
        taken.Add("IsKnown");
        taken.Add("Known");
        var members = new List<EnumMemberSpec>();
        foreach (var value in field.EnumValues)
        {
            var memberName = UniqueMember(Identifiers.ToPascal(value.Value, "Value"), taken);
            members.Add(new EnumMemberSpec(memberName, value.Value, value.Description));
        }

        var doc = FirstLine(field.Description);
        _enums.Add(new EnumSpec(_settings.Namespace, name, doc, page.FileName, members.ToEquatableArray()));
        return name;
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
            HttpMethodRule.Path(page),
            requestType,
            page.RequestFields.All(f => !f.Required),
            _typeNames[plan.ResponseKey!],
            page.Title.Length == 0 ? page.Slug : page.Title,
            page.Description,
            page.FileName);
    }

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

        if (HttpMethodRule.Method(first) != HttpMethodRule.Method(second) || HttpMethodRule.Path(first) != HttpMethodRule.Path(second))
        {
            return "the endpoints differ";
        }

        return null;
    }

    private static string FirstLine(string text)
    {
        var newline = text.IndexOf('\n');
        return newline < 0 ? text : text.Substring(0, newline);
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
        public OperationPlan(PageModel page, string client, string method)
        {
            Page = page;
            Client = client;
            Method = method;
        }

        public PageModel Page { get; }

        public string Client { get; }

        public string Method { get; }

        public string? RequestKey { get; set; }

        public string? ResponseKey { get; set; }
    }

    private sealed class StructureEntry
    {
        public StructureEntry(string key, string rawName, StructureModel structure, PageModel page, bool isRequest)
        {
            Key = key;
            RawName = rawName;
            Structure = structure;
            Page = page;
            IsRequest = isRequest;
        }

        public string Key { get; }

        public string RawName { get; }

        public StructureModel Structure { get; set; }

        public PageModel Page { get; }

        public bool IsRequest { get; }
    }
}
