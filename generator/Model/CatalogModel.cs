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
    string Doc);

/// <summary>A generated record: a data structure, a response envelope or an operation's request.</summary>
internal sealed record ObjectSpec(
    string Namespace,
    string Name,
    string Doc,
    string SourcePage,
    bool IsRequest,
    EquatableArray<PropertySpec> Properties,
    string HintName = "");

/// <summary>One known value of a generated enumeration.</summary>
internal sealed record EnumMemberSpec(string Name, string Value, string Doc);

/// <summary>A generated extensible enumeration: known values, while unknown ones still read.</summary>
internal sealed record EnumSpec(
    string Namespace,
    string Name,
    string Doc,
    string SourcePage,
    EquatableArray<EnumMemberSpec> Members,
    string HintName = "");

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
    string HintName = "");

/// <summary>A generated client class: its constructors and dependency-injection registration.</summary>
internal sealed record ClientSpec(string Namespace, string Name, string Doc, string HintName = "");

/// <summary>Every page merged: the types, enums, operations and clients to emit, and what the merge found.</summary>
internal sealed record CatalogModel(
    EquatableArray<ObjectSpec> Objects,
    EquatableArray<EnumSpec> Enums,
    EquatableArray<OperationSpec> Operations,
    EquatableArray<ClientSpec> Clients,
    EquatableArray<DiagnosticInfo> Diagnostics);
