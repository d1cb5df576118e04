using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Text;

namespace Authing.Generated;

/// <summary>
/// A response could not be read as the expected type: malformed or truncated JSON, or a value of the wrong type.
/// <see cref="JsonPath"/> says where, such as <c>$.data.list[3].name</c>.
/// </summary>
public sealed class AuthingSerializationException : AuthingException
{
    // The path is built from the innermost failure outwards, one WithParent call per level, so the segments are
    // kept innermost-first and only joined when someone reads the path or the message.
    private readonly List<string> _segmentsInnermostFirst = new();

    /// <summary>Creates an exception for a failure at the value being read, as <paramref name="problem"/> says.</summary>
    public AuthingSerializationException(string problem)
        : this(problem, null)
    {
    }

    /// <summary>Creates an exception for a failure at the value being read, with its cause.</summary>
    public AuthingSerializationException(string problem, Exception? innerException)
        : base(problem, innerException)
    {
        Problem = problem;
    }

    /// <summary>What went wrong at <see cref="JsonPath"/>, such as <c>expected a string but found Number</c>.</summary>
    public string Problem { get; }

    /// <summary>Where in the JSON document reading failed, such as <c>$.data.list[3].name</c>.</summary>
    public string JsonPath
    {
        get
        {
            var path = new StringBuilder("$");
            for (int i = _segmentsInnermostFirst.Count - 1; i >= 0; i--)
            {
                path.Append(_segmentsInnermostFirst[i]);
            }

            return path.ToString();
        }
    }

    /// <summary>The operation whose response was being read, once the transport knows it.</summary>
    public string? Operation { get; private set; }

    /// <summary>The name of the type the response was read as, once the transport knows it.</summary>
    public string? ResponseType { get; private set; }

    /// <summary>The HTTP status of the response, once the transport knows it.</summary>
    public HttpStatusCode? HttpStatus { get; private set; }

    /// <inheritdoc />
    public override string Message
    {
        get
        {
            var text = new StringBuilder("Could not read ");
            text.Append(Operation is null ? "the JSON" : "the response of " + Operation);
            if (ResponseType is not null)
            {
                text.Append(" as ").Append(ResponseType);
            }

            text.Append(" at ").Append(JsonPath).Append(": ").Append(Problem);
            if (HttpStatus is not null)
            {
                text.Append(" (HTTP ").Append((int)HttpStatus.Value).Append(')');
            }

            return text.Append('.').ToString();
        }
    }

    /// <summary>
    /// Records that the failure happened inside the property <paramref name="propertyName"/> of the enclosing object,
    /// so <see cref="JsonPath"/> becomes <c>$.propertyName</c> followed by the path so far. Returns this exception.
    /// </summary>
    public AuthingSerializationException WithParent(string propertyName)
    {
        _segmentsInnermostFirst.Add(IsPlainName(propertyName) ? "." + propertyName : "['" + Quote(propertyName) + "']");
        return this;
    }

    /// <summary>
    /// Records that the failure happened inside element <paramref name="index"/> of the enclosing array. Returns this
    /// exception.
    /// </summary>
    public AuthingSerializationException WithIndex(int index)
    {
        _segmentsInnermostFirst.Add("[" + index.ToString(CultureInfo.InvariantCulture) + "]");
        return this;
    }

    internal AuthingSerializationException WithResponse(string operation, string responseType, HttpStatusCode status)
    {
        Operation = operation;
        ResponseType = responseType;
        HttpStatus = status;
        return this;
    }

    private static bool IsPlainName(string name)
    {
        if (name.Length == 0 || char.IsAsciiDigit(name[0]))
        {
            return false;
        }

        foreach (char c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_' && c != '$')
            {
                return false;
            }
        }

        return true;
    }

    private static string Quote(string name) => name.Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace("'", "\\'", StringComparison.Ordinal);
}
