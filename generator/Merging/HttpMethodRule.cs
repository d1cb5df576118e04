using Authing.Generated.Generator.Model;

namespace Authing.Generated.Generator.Merging;

/// <summary>
/// Decides an operation's HTTP method and path when neither the page nor the project states them:
/// <list type="number">
/// <item>a parameter that needs a JSON body (a data structure or a free-form object) makes it a POST;</item>
/// <item>an operation without parameters is a GET;</item>
/// <item>in a table as the reference-page generator writes it (separators of four dashes), rows indented by a
/// space are query parameters (GET) and unindented rows a JSON body (POST);</item>
/// <item>in a table re-formatted since, names starting with get, list, check, is, search, find or export are GET,
/// all others POST.</item>
/// </list>
/// The path is <c>/api/v3/&lt;file name&gt;</c>; <c>metadata-&lt;x&gt;</c> pages live under <c>/api/v3/metadata/&lt;x&gt;</c>.
/// </summary>
internal static class HttpMethodRule
{
    private static readonly string[] ReadingPrefixes = { "get-", "list-", "check-", "is-", "search-", "find-", "export-" };

    public static string Method(PageModel page)
    {
        if (page.Endpoint?.Method is { Length: > 0 } stated)
        {
            return stated;
        }

        foreach (var field in page.RequestFields)
        {
            if (field.Type.Kind is ValueKind.Named or ValueKind.Json)
            {
                return "POST";
            }
        }

        switch (page.RequestLayout)
        {
            case TableLayout.None:
                return "GET";
            case TableLayout.QueryRows:
                return "GET";
            case TableLayout.BodyRows:
                return "POST";
        }

        foreach (var prefix in ReadingPrefixes)
        {
            if (page.Slug.StartsWith(prefix, System.StringComparison.OrdinalIgnoreCase))
            {
                return "GET";
            }
        }

        return "POST";
    }

    public static string Path(PageModel page)
    {
        if (page.Endpoint?.Path is { Length: > 0 } stated)
        {
            return stated;
        }

        return PathOf(page.Slug);
    }

    /// <summary>The path the rule gives a page named <paramref name="slug"/> that states none.</summary>
    public static string PathOf(string slug)
    {
        const string metadataPrefix = "metadata-";
        if (slug.StartsWith(metadataPrefix, System.StringComparison.Ordinal) && slug.Length > metadataPrefix.Length)
        {
            return "/api/v3/metadata/" + System.Uri.EscapeDataString(slug.Substring(metadataPrefix.Length));
        }

        return "/api/v3/" + System.Uri.EscapeDataString(slug);
    }
}
