using Authing.Generated.Generator.Model;
using Authing.Generated.Generator.Naming;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Authing.Generated.Generator;

/// <summary>Reads the MSBuild properties and item metadata that reach the generator.</summary>
internal static class SettingsReader
{
    public const string NamespaceProperty = "build_property.AuthingGeneratedNamespace";
    public const string ManagementClientProperty = "build_property.AuthingManagementClientName";
    public const string AuthenticationClientProperty = "build_property.AuthingAuthenticationClientName";
    public const string MethodMetadata = "build_metadata.AdditionalFiles.AuthingHttpMethod";
    public const string PathMetadata = "build_metadata.AdditionalFiles.AuthingPath";

    public static GeneratorSettings Read(AnalyzerConfigOptions options)
    {
        var ns = Value(options, NamespaceProperty);
        if (ns is null || !IsNamespace(ns))
        {
            ns = GeneratorSettings.DefaultNamespace;
        }

        return new GeneratorSettings(
            ns,
            TypeName(options, ManagementClientProperty, GeneratorSettings.DefaultManagementClient),
            TypeName(options, AuthenticationClientProperty, GeneratorSettings.DefaultAuthenticationClient));
    }

    public static EndpointOverride? ReadEndpoint(AnalyzerConfigOptions options)
    {
        var method = Value(options, MethodMetadata)?.ToUpperInvariant();
        var path = Value(options, PathMetadata);
        if (method is null && path is null)
        {
            return null;
        }

        return new EndpointOverride(method, path);
    }

    private static string? Value(AnalyzerConfigOptions options, string key) =>
        options.TryGetValue(key, out var value) && value.Trim().Length > 0 ? value.Trim() : null;

    private static string TypeName(AnalyzerConfigOptions options, string key, string fallback)
    {
        var value = Value(options, key);
        return value is not null && Identifiers.IsValidIdentifier(value) ? value : fallback;
    }

    private static bool IsNamespace(string value)
    {
        foreach (var part in value.Split('.'))
        {
            if (!Identifiers.IsValidIdentifier(part))
            {
                return false;
            }
        }

        return true;
    }
}
