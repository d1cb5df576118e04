using System;
using System.Collections.Generic;
using System.Linq;

namespace Authing.Generated.Generator.Model;

/// <summary>Compares field lists by what reaches the wire (names, types, required flags, listed values), not by wording.</summary>
internal static class FieldComparison
{
    /// <summary>Says how two field lists differ, or returns null when they describe the same shape.</summary>
    public static string? Describe(EquatableArray<FieldModel> first, EquatableArray<FieldModel> second)
    {
        // Most pages that share a type list its fields in the same order; only a mismatch needs the lookup below.
        if (SameShapeInOrder(first, second))
        {
            return null;
        }

        // Tables are short, and this runs for every page that repeats a type on every merge: a scan allocates nothing.
        foreach (var field in second)
        {
            if (Find(first, field.JsonName) is not { } other)
            {
                return $"field '{field.JsonName}' is on one page only";
            }

            if (!field.Type.Equals(other.Type))
            {
                return $"field '{field.JsonName}' is {other.Type} on one and {field.Type} on the other";
            }

            if (field.Required != other.Required)
            {
                return $"field '{field.JsonName}' is required on one and optional on the other";
            }

            if (!SameValues(field.EnumValues, other.EnumValues))
            {
                return $"field '{field.JsonName}' lists other values";
            }
        }

        if (first.Count != second.Count)
        {
            var missing = first.First(f => Find(second, f.JsonName) is null);
            return $"field '{missing.JsonName}' is on one page only";
        }

        return null;
    }

    /// <summary>The field with this JSON name, the last one if a table repeats it; null when there is none.</summary>
    public static FieldModel? Find(EquatableArray<FieldModel> fields, string jsonName) =>
        IndexOf(fields, jsonName) is var index and >= 0 ? fields[index] : null;

    /// <summary>Where the field with this JSON name is, the last one if a table repeats it; -1 when there is none.</summary>
    public static int IndexOf(EquatableArray<FieldModel> fields, string jsonName)
    {
        // The last one wins, as a table that repeats a name is read (the repeat is reported where it is parsed).
        for (var i = fields.Count - 1; i >= 0; i--)
        {
            if (string.Equals(fields[i].JsonName, jsonName, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool SameShapeInOrder(EquatableArray<FieldModel> first, EquatableArray<FieldModel> second)
    {
        if (first.Count != second.Count)
        {
            return false;
        }

        for (var i = 0; i < first.Count; i++)
        {
            FieldModel a = first[i];
            FieldModel b = second[i];
            if (!string.Equals(a.JsonName, b.JsonName, StringComparison.Ordinal)
                || a.Required != b.Required
                || !a.Type.Equals(b.Type)
                || !SameValues(a.EnumValues, b.EnumValues))
            {
                return false;
            }
        }

        return true;
    }

    private static bool SameValues(EquatableArray<EnumValueModel> first, EquatableArray<EnumValueModel> second)
    {
        if (first.Count != second.Count)
        {
            return false;
        }

        for (var i = 0; i < first.Count; i++)
        {
            if (!string.Equals(first[i].Value, second[i].Value, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
