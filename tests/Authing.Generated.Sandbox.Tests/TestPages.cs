namespace Authing.Generated.Sandbox.Tests;

/// <summary>Reference pages written for these tests, in the format the docs generator produces.</summary>
internal static class TestPages
{
    /// <summary>
    /// A page whose request table has separators of four dashes and indented rows, so the generator's rule makes
    /// it a GET with query parameters; its name does not start with a reading verb, so only the layout decides.
    /// </summary>
    public const string WidgetsByIdFileName = "sandbox-widgets.md";

    public const string WidgetsById = """
        # Sandbox widgets

        Returns widgets by their ids. Written for the sandbox tests.

        ## Request parameters

        | Name | Type | Required | Default value | Description | Sample value |
        | ---- | ---- | ---- | ---- | ---- | ---- |
         | widgetIds | string[] | yes | - | The widget ids | `["w1","w2"]` |
         | withDetail | boolean | no | - | Whether details are included | `true` |

        ## Request Response

        Type: `WidgetListRespDto`

        | Name | Type | Description |
        | ---- | ---- | ---- |
        | statusCode | number | Business status code |
        | message | string | Description |
        | requestId | string | Request ID |
        | data | <a href="#WidgetDto">WidgetDto[]</a> | The widgets |

        Example results:

        ```json
        {
          "statusCode": 200,
          "message": "Success",
          "requestId": "widgets-example-id",
          "data": [{ "widgetId": "w1" }]
        }
        ```

        ## Data Structure

        ### <a id="WidgetDto"></a> WidgetDto

        | Name | Type | Is it required | Description | Example value |
        | ---- | ---- | ---- | ---- | ---- |
        | widgetId | string | yes | The widget id | `w1` |
        """;

    /// <summary>An operation page with one optional parameter and no example result.</summary>
    public static string WithoutExample(string title) => $"""
        # {title}

        ## Request parameters

        | Name | Type | Required | Description |
        | ---- | ---- | ---- | ---- |
        | note | string | no | Free text |

        ## Request Response

        | Name | Type | Description |
        | ---- | ---- | ---- |
        | statusCode | number | Business status code |
        """;

    /// <summary>A page about a concept, with no request or response: not an operation.</summary>
    public const string Concept = """
        # About widgets

        Widgets are a concept, not an operation.
        """;

    /// <summary>An operation page whose example result is the given fenced JSON block.</summary>
    public static string WithExample(string title, string exampleJson) => $"""
        # {title}

        ## Request parameters

        | Name | Type | Required | Description |
        | ---- | ---- | ---- | ---- |
        | note | string | no | Free text |

        ## Request Response

        | Name | Type | Description |
        | ---- | ---- | ---- |
        | statusCode | number | Business status code |

        Example results:

        ```json
        {exampleJson}
        ```
        """;
}
