namespace Authing.Generated.Generator.Parsing;

/// <summary>What an explicitly stated HTTP method and path may be.</summary>
internal static class EndpointRules
{
    public static string? Check(string? method, string? path)
    {
        if (method is not null && method.Length > 0)
        {
            switch (method)
            {
                case "GET":
                case "POST":
                case "PUT":
                case "PATCH":
                case "DELETE":
                    break;
                default:
                    return $"'{method}' is not one of GET, POST, PUT, PATCH, DELETE";
            }
        }

        if (path is not null)
        {
            if (path.Length < 2 || path[0] != '/')
            {
                return $"the path '{path}' must start with '/'";
            }

            foreach (var c in path)
            {
                if (c <= ' ' || c == '?' || c == '#' || c == '"' || c == '\\' || c > '~')
                {
                    return $"the path '{path}' contains the character '{c}', which a path cannot hold";
                }
            }

            // HTTP clients collapse such segments before sending, also when the dots are escaped (%2e), so the call
            // would reach another path than stated.
            foreach (var segment in path.Substring(1).Split('/'))
            {
                var unescaped = segment.Replace("%2e", ".").Replace("%2E", ".");
                if (segment.Length == 0 || unescaped == "." || unescaped == "..")
                {
                    return $"the path '{path}' has an empty, '.' or '..' segment";
                }
            }
        }

        return null;
    }
}
