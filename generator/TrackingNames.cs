namespace Authing.Generated.Generator;

/// <summary>Names of the pipeline stages, so tests can tell which stages ran and which were cached.</summary>
internal static class TrackingNames
{
    public const string Settings = nameof(Settings);
    public const string PageInputs = nameof(PageInputs);
    public const string Pages = nameof(Pages);
    public const string PageDiagnostics = nameof(PageDiagnostics);
    public const string Outlines = nameof(Outlines);
    public const string Catalog = nameof(Catalog);
    public const string PagePlans = nameof(PagePlans);
    public const string PageCode = nameof(PageCode);
    public const string SharedSources = nameof(SharedSources);
    public const string SharedCode = nameof(SharedCode);
    public const string Clients = nameof(Clients);
    public const string CatalogDiagnostics = nameof(CatalogDiagnostics);
}
