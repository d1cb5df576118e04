using System;
using System.Text.RegularExpressions;
using Authing.Generated.Generator.Model;

namespace Authing.Generated.Generator.Parsing;

/// <summary>Reads a type cell, with help from the description's nested-type link and the sample value.</summary>
internal static class TypeCellReader
{
    private static readonly Regex Link = new(
        @"<a\s+href\s*=\s*""#(?<target>[^""]*)""\s*>(?<text>[^<]*)</a>",
        RegexOptions.Compiled | RegexOptions.IgnoreCase);

    private static readonly Regex NestedLink = new(
        @"(嵌套类型|nest(?:ed|ing)\s+type)\s*[:：]?\s*<a\s+href\s*=\s*""#(?<target>[^""]*)""\s*>(?<text>[^<]*)</a>",
        RegexOptions.Compiled | RegexOptions.IgnoreCase);

    private static readonly Regex Identifier = new(@"^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.Compiled);

    /// <summary>The result of reading a type cell; <see cref="Note"/> says how an odd cell was read.</summary>
    public readonly struct Result
    {
        public Result(TypeRef type, string? note)
        {
            Type = type;
            Note = note;
        }

        public TypeRef Type { get; }

        public string? Note { get; }
    }

    public static Result Read(string rawType, string rawDescription, string? example)
    {
        var nested = FindNestedType(rawDescription);
        var link = Link.Match(rawType);
        if (link.Success)
        {
            var text = link.Groups["text"].Value.Trim();
            var isArray = text.EndsWith("[]", StringComparison.Ordinal);
            var name = link.Groups["target"].Value.Trim();
            if (name.Length == 0)
            {
                name = isArray ? text.Substring(0, text.Length - 2).Trim() : text;
            }

            if (name.Length > 0)
            {
                return new Result(TypeRef.NamedType(name, isArray), null);
            }

            return nested is null
                ? new Result(TypeRef.Json, "free-form JSON (the link is empty)")
                : new Result(TypeRef.NamedType(nested, isArray), null);
        }

        var cell = CellText.ToToken(rawType);
        switch (cell.ToLowerInvariant())
        {
            case "string":
                return new Result(TypeRef.String, null);
            case "str":
            case "text":
                return new Result(TypeRef.String, "string");
            case "number":
                return new Result(TypeRef.Number, null);
            case "integer":
            case "int":
            case "long":
            case "float":
            case "double":
                return new Result(TypeRef.Number, "number");
            case "boolean":
                return new Result(TypeRef.Boolean, null);
            case "bool":
                return new Result(TypeRef.Boolean, "boolean");
            case "object":
                return new Result(nested is null ? TypeRef.Json : TypeRef.NamedType(nested, false), null);
            case "array":
            case "object[]":
                return new Result(nested is null ? InferArray(example) : TypeRef.NamedType(nested, true), null);
            case "string[]":
                return new Result(TypeRef.String.AsArray(), null);
            case "number[]":
                return new Result(TypeRef.Number.AsArray(), null);
            case "boolean[]":
                return new Result(TypeRef.Boolean.AsArray(), null);
            case "":
                return nested is null
                    ? new Result(TypeRef.Json, "free-form JSON (the cell is empty)")
                    : new Result(TypeRef.NamedType(nested, false), null);
        }

        if (cell.EndsWith("[]", StringComparison.Ordinal) && Identifier.IsMatch(cell.Substring(0, cell.Length - 2)))
        {
            return new Result(TypeRef.NamedType(cell.Substring(0, cell.Length - 2), true), null);
        }

        if (Identifier.IsMatch(cell) && char.IsUpper(cell[0]))
        {
            return new Result(TypeRef.NamedType(cell, false), null);
        }

        return new Result(TypeRef.Json, "free-form JSON");
    }

    private static string? FindNestedType(string rawDescription)
    {
        var match = NestedLink.Match(rawDescription);
        if (!match.Success)
        {
            return null;
        }

        var name = match.Groups["target"].Value.Trim();
        if (name.Length == 0)
        {
            name = match.Groups["text"].Value.Trim();
            if (name.EndsWith("[]", StringComparison.Ordinal))
            {
                name = name.Substring(0, name.Length - 2).Trim();
            }
        }

        return name.Length == 0 ? null : name;
    }

    /// <summary>An array without an element type takes it from a sample like <c>["a","b"]</c>; otherwise JSON.</summary>
    private static TypeRef InferArray(string? example)
    {
        var sample = example?.Trim();
        if (sample is null || sample.Length < 2 || sample[0] != '[' || sample[sample.Length - 1] != ']')
        {
            return TypeRef.Json.AsArray();
        }

        var inner = sample.Substring(1, sample.Length - 2).Trim();
        if (inner.Length == 0)
        {
            return TypeRef.Json.AsArray();
        }

        if (inner[0] == '"' && inner.IndexOf('{') < 0 && inner.IndexOf('[') < 0)
        {
            return TypeRef.String.AsArray();
        }

        if (Regex.IsMatch(inner, @"^-?\d+(\.\d+)?(\s*,\s*-?\d+(\.\d+)?)*$"))
        {
            return TypeRef.Number.AsArray();
        }

        if (Regex.IsMatch(inner, @"^(true|false)(\s*,\s*(true|false))*$"))
        {
            return TypeRef.Boolean.AsArray();
        }

        return TypeRef.Json.AsArray();
    }
}
