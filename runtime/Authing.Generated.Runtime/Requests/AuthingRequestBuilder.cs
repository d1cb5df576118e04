using System;
using System.Buffers;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Authing.Generated.Runtime;

/// <summary>
/// Collects the parameters of one call: as query pairs for GET, as a JSON object body for other methods, and in
/// both cases the text of each top-level value that the signature covers. One instance per call, never shared.
/// </summary>
/// <remarks>
/// Generated code calls one <c>Add*</c> method per set field, in page-table order, and skips unset optional fields.
/// Names are sent exactly as given. Values are written as JavaScript's <c>JSON.stringify</c> writes them, because
/// the server verifies the signature against that text.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class AuthingRequestBuilder
{
    private const string QueryArraySuffix = "[]";

    private readonly ArrayBufferWriter<byte> _json = new(256);
    private readonly Utf8JsonWriter _writer;
    private readonly StringBuilder? _query;
    private readonly List<KeyValuePair<string, string>> _signed = new();
    private readonly List<string> _names = new();
    private int _valueStart;
    private bool _bodyCompleted;
    private bool _broken;

    /// <summary>Creates a builder for a call with the given HTTP method.</summary>
    public AuthingRequestBuilder(string method)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        UsesQueryString = string.Equals(method, "GET", StringComparison.OrdinalIgnoreCase);
        _writer = AuthingJson.CreateWriter(_json);
        if (UsesQueryString)
        {
            _query = new StringBuilder();
        }
        else
        {
            _writer.WriteStartObject();
        }
    }

    /// <summary>True for GET, whose parameters go in the query string; false when they go in a JSON body.</summary>
    public bool UsesQueryString { get; }

    /// <summary>The percent-encoded query string without the leading <c>?</c>; empty for body methods.</summary>
    public string QueryString => _query?.ToString() ?? string.Empty;

    /// <summary>Adds a string value.</summary>
    public void AddString(string name, string value)
    {
        Begin(name);
        ArgumentNullException.ThrowIfNull(value);
        if (UsesQueryString)
        {
            AppendQuery(name, value);
        }
        else
        {
            StartBodyValue(name);
            _writer.WriteStringValue(value);
        }

        Sign(name, value);
    }

    /// <summary>Adds a number; NaN and infinities are refused because JSON cannot carry them.</summary>
    public void AddNumber(string name, double value)
    {
        Begin(name);
        string text = FormatNumber(name, value);
        if (UsesQueryString)
        {
            AppendQuery(name, text);
        }
        else
        {
            StartBodyValue(name);
            AuthingJson.WriteNumber(_writer, value);
        }

        Sign(name, text);
    }

    /// <summary>Adds a boolean, sent and signed as <c>true</c> or <c>false</c>.</summary>
    public void AddBoolean(string name, bool value)
    {
        Begin(name);
        string text = value ? "true" : "false";
        if (UsesQueryString)
        {
            AppendQuery(name, text);
        }
        else
        {
            StartBodyValue(name);
            _writer.WriteBooleanValue(value);
        }

        Sign(name, text);
    }

    /// <summary>Adds an array of strings: repeated <c>name[]=value</c> pairs for GET, a JSON array otherwise.</summary>
    public void AddStringArray(string name, IReadOnlyList<string> values)
    {
        Begin(name);
        ArgumentNullException.ThrowIfNull(values);
        if (UsesQueryString && values.Count == 0)
        {
            return;
        }

        for (int i = 0; i < values.Count; i++)
        {
            _ = values[i] ?? throw new ArgumentException($"'{name}' contains a null element at {i}.", name);
        }

        BeginJsonValue(name);
        _writer.WriteStartArray();
        string escapedName = Uri.EscapeDataString(name + QueryArraySuffix);
        for (int i = 0; i < values.Count; i++)
        {
            _writer.WriteStringValue(values[i]);
            AppendEscapedQuery(escapedName, values[i]);
        }

        _writer.WriteEndArray();
        Sign(name, EndJsonValue());
    }

    /// <summary>Adds an array of numbers.</summary>
    public void AddNumberArray(string name, IReadOnlyList<double> values)
    {
        Begin(name);
        ArgumentNullException.ThrowIfNull(values);
        if (UsesQueryString && values.Count == 0)
        {
            return;
        }

        var texts = new string[values.Count];
        for (int i = 0; i < texts.Length; i++)
        {
            texts[i] = FormatNumber(name, values[i]);
        }

        BeginJsonValue(name);
        _writer.WriteStartArray();
        string escapedName = Uri.EscapeDataString(name + QueryArraySuffix);
        for (int i = 0; i < texts.Length; i++)
        {
            _writer.WriteRawValue(texts[i], skipInputValidation: true);
            AppendEscapedQuery(escapedName, texts[i]);
        }

        _writer.WriteEndArray();
        Sign(name, EndJsonValue());
    }

    /// <summary>Adds an array of booleans.</summary>
    public void AddBooleanArray(string name, IReadOnlyList<bool> values)
    {
        Begin(name);
        ArgumentNullException.ThrowIfNull(values);
        if (UsesQueryString && values.Count == 0)
        {
            return;
        }

        BeginJsonValue(name);
        _writer.WriteStartArray();
        string escapedName = Uri.EscapeDataString(name + QueryArraySuffix);
        for (int i = 0; i < values.Count; i++)
        {
            _writer.WriteBooleanValue(values[i]);
            AppendEscapedQuery(escapedName, values[i] ? "true" : "false");
        }

        _writer.WriteEndArray();
        Sign(name, EndJsonValue());
    }

    /// <summary>
    /// Adds a free-form value. In a query string a JSON string is sent as its text and anything else as compact
    /// JSON; a null is left out there, because a query string cannot say null.
    /// </summary>
    public void AddJson(string name, JsonNode? value)
    {
        Begin(name);
        if (UsesQueryString && value is null)
        {
            return;
        }

        BeginJsonValue(name);
        try
        {
            AuthingJson.WriteNode(_writer, value);
        }
        catch (ArgumentException e)
        {
            throw Broken(name, e);
        }
        catch
        {
            _broken = true;
            throw;
        }

        string json = EndJsonValue();
        string text = json.StartsWith('"') ? Unquote(json) : json;
        if (UsesQueryString)
        {
            AppendQuery(name, text);
        }

        Sign(name, text);
    }

    /// <summary>
    /// Adds an array of free-form values: a JSON array in a body, repeated <c>name[]=value</c> pairs in a query
    /// string (a JSON string as its text, anything else as compact JSON); signed as the JSON array.
    /// </summary>
    public void AddJsonArray(string name, IReadOnlyList<JsonNode?> values)
    {
        Begin(name);
        ArgumentNullException.ThrowIfNull(values);
        if (UsesQueryString)
        {
            if (values.Count == 0)
            {
                return;
            }

            string escapedName = Uri.EscapeDataString(name + QueryArraySuffix);
            var signed = new StringBuilder("[");
            for (int i = 0; i < values.Count; i++)
            {
                BeginJsonValue(name);
                WriteNodeValue(name, values[i]);
                string json = EndJsonValue();
                AppendEscapedQuery(escapedName, json.StartsWith('"') ? Unquote(json) : json);
                signed.Append(i == 0 ? "" : ",").Append(json);
            }

            Sign(name, signed.Append(']').ToString());
            return;
        }

        StartBodyValue(name);
        _writer.WriteStartArray();
        for (int i = 0; i < values.Count; i++)
        {
            WriteNodeValue(name, values[i]);
        }

        _writer.WriteEndArray();
        Sign(name, EndJsonValue());
    }

    /// <summary>Adds an extensible-enum value, sent and signed as its string.</summary>
    public void AddEnum<T>(string name, T value)
        where T : IAuthingEnum
    {
        ArgumentNullException.ThrowIfNull(value);
        AddString(name, value.Value);
    }

    /// <summary>Adds an array of extensible-enum values.</summary>
    public void AddEnumArray<T>(string name, IReadOnlyList<T> values)
        where T : IAuthingEnum
    {
        ArgumentNullException.ThrowIfNull(values);
        var strings = new string[values.Count];
        for (int i = 0; i < strings.Length; i++)
        {
            strings[i] = values[i]?.Value ?? throw new ArgumentException($"'{name}' contains a null element.", name);
        }

        AddStringArray(name, strings);
    }

    /// <summary>Adds a nested object, sent (in a query string too) and signed as compact JSON.</summary>
    public void AddObject<T>(string name, T value)
        where T : IAuthingJsonValue
    {
        Begin(name);
        ArgumentNullException.ThrowIfNull(value);
        BeginJsonValue(name);
        WriteElement(name, value);
        string json = EndJsonValue();
        if (UsesQueryString)
        {
            AppendQuery(name, json);
        }

        Sign(name, json);
    }

    /// <summary>
    /// Adds an array of nested objects: repeated <c>name[]=json</c> pairs for GET, a JSON array otherwise; signed as
    /// the JSON array.
    /// </summary>
    public void AddObjectArray<T>(string name, IReadOnlyList<T> values)
        where T : IAuthingJsonValue
    {
        Begin(name);
        ArgumentNullException.ThrowIfNull(values);
        if (UsesQueryString)
        {
            AddQueryObjectArray(name, values);
            return;
        }

        StartBodyValue(name);
        _writer.WriteStartArray();
        for (int i = 0; i < values.Count; i++)
        {
            WriteElement(name, values[i]);
        }

        _writer.WriteEndArray();
        Sign(name, EndJsonValue());
    }

    /// <summary>
    /// Ends the body and returns it; for GET, empty. After this call no more parameters can be added.
    /// </summary>
    public ReadOnlyMemory<byte> GetBody()
    {
        ThrowIfBroken();
        if (UsesQueryString)
        {
            return ReadOnlyMemory<byte>.Empty;
        }

        if (!_bodyCompleted)
        {
            _writer.WriteEndObject();
            _writer.Flush();
            _bodyCompleted = true;
        }

        return _json.WrittenMemory;
    }

    /// <summary>
    /// The signed parameters, one per top-level name, sorted by ordinal name: strings raw, numbers and booleans as
    /// JavaScript prints them, objects and arrays as compact JSON.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> GetSignedParameters()
    {
        var sorted = _signed.ToArray();
        Array.Sort(sorted, static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        return sorted;
    }

    private static string FormatNumber(string name, double value) =>
        double.IsFinite(value) ? JavaScriptNumber.ToString(value) : throw AuthingJson.NonFinite(name, value);

    private static string Unquote(string jsonString)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(jsonString));
        reader.Read();
        return reader.GetString()!;
    }

    private void AddQueryObjectArray<T>(string name, IReadOnlyList<T> values)
        where T : IAuthingJsonValue
    {
        if (values.Count == 0)
        {
            return;
        }

        string escapedName = Uri.EscapeDataString(name + QueryArraySuffix);
        var signed = new StringBuilder("[");
        for (int i = 0; i < values.Count; i++)
        {
            BeginJsonValue(name);
            WriteElement(name, values[i]);
            string json = EndJsonValue();
            AppendEscapedQuery(escapedName, json);
            signed.Append(i == 0 ? "" : ",").Append(json);
        }

        Sign(name, signed.Append(']').ToString());
    }

    private void WriteElement<T>(string name, T value)
        where T : IAuthingJsonValue
    {
        if (value is null)
        {
            throw new ArgumentException($"'{name}' contains a null element.", name);
        }

        int depth = _writer.CurrentDepth;
        long before = _writer.BytesCommitted + _writer.BytesPending;
        try
        {
            value.WriteJson(_writer);
        }
        catch (ArgumentException e)
        {
            throw Broken(name, e);
        }
        catch
        {
            _broken = true;
            throw;
        }

        if (_writer.CurrentDepth != depth || _writer.BytesCommitted + _writer.BytesPending == before)
        {
            _broken = true;
            throw new InvalidOperationException(
                $"{typeof(T).Name}.WriteJson did not write exactly one complete JSON value for '{name}'.");
        }
    }

    private void WriteNodeValue(string name, JsonNode? value)
    {
        try
        {
            AuthingJson.WriteNode(_writer, value);
        }
        catch (ArgumentException e)
        {
            throw Broken(name, e);
        }
        catch
        {
            _broken = true;
            throw;
        }
    }

    /// <summary>A value failed half-way through, so the JSON written so far is unusable.</summary>
    private ArgumentException Broken(string name, ArgumentException e)
    {
        _broken = true;
        return new ArgumentException($"'{name}' could not be written: {e.Message}", name, e);
    }

    private void Begin(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ThrowIfBroken();
        if (_bodyCompleted)
        {
            throw new InvalidOperationException("Parameters cannot be added after the body was built.");
        }

        if (_names.Contains(name))
        {
            throw new ArgumentException($"The parameter '{name}' was added twice.", nameof(name));
        }

        _names.Add(name);
    }

    private void ThrowIfBroken()
    {
        if (_broken)
        {
            throw new InvalidOperationException("An earlier parameter failed to write; this builder cannot be used.");
        }
    }

    private void StartBodyValue(string name)
    {
        _writer.WritePropertyName(name);
        _writer.Flush();
        _valueStart = _json.WrittenCount;
    }

    /// <summary>
    /// Starts capturing one JSON value: inside the body for body methods, in a scratch buffer for GET, where
    /// objects and arrays still need their JSON text for the signature.
    /// </summary>
    private void BeginJsonValue(string name)
    {
        if (UsesQueryString)
        {
            _json.ResetWrittenCount();
            _writer.Reset(_json);
            _valueStart = 0;
        }
        else
        {
            StartBodyValue(name);
        }
    }

    /// <summary>The exact text the writer produced for the value being captured.</summary>
    private string EndJsonValue()
    {
        _writer.Flush();
        return Encoding.UTF8.GetString(_json.WrittenSpan[_valueStart..]);
    }

    private void AppendQuery(string name, string value) => AppendEscapedQuery(Uri.EscapeDataString(name), value);

    private void AppendEscapedQuery(string escapedName, string value)
    {
        if (_query is null)
        {
            return;
        }

        if (_query.Length > 0)
        {
            _query.Append('&');
        }

        _query.Append(escapedName).Append('=').Append(Uri.EscapeDataString(value));
    }

    private void Sign(string name, string text) => _signed.Add(new KeyValuePair<string, string>(name, text));
}
