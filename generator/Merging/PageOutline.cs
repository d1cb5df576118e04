using System.Collections.Immutable;
using Authing.Generated.Generator.Model;

namespace Authing.Generated.Generator.Merging;

/// <summary>
/// A page without its wording or layout: titles, descriptions, examples and defaults emptied, line numbers zeroed,
/// its own diagnostics dropped. What is left is all the merge of the pages depends on, so an edit that only rewords
/// a page or moves its lines leaves its outline equal and the merge cached. Tables, rows and listed values keep their
/// places, which the merge's <see cref="TextRef"/>s point at.
/// </summary>
internal static class PageOutline
{
    public static PageModel Of(PageModel page) =>
        page with
        {
            Title = string.Empty,
            Description = string.Empty,
            RequestFields = Fields(page.RequestFields),
            Response = page.Response is { } response ? Structure(response) : null,
            ExampleJson = null,
            ExampleLine = 0,
            Structures = Structures(page.Structures),
            Diagnostics = EquatableArray<DiagnosticInfo>.Empty,
        };

    private static EquatableArray<StructureModel> Structures(EquatableArray<StructureModel> structures)
    {
        if (structures.IsEmpty)
        {
            return structures;
        }

        var outlines = ImmutableArray.CreateBuilder<StructureModel>(structures.Count);
        foreach (var structure in structures)
        {
            outlines.Add(Structure(structure));
        }

        return new(outlines.MoveToImmutable());
    }

    private static StructureModel Structure(StructureModel structure) =>
        structure with { Description = string.Empty, Fields = Fields(structure.Fields), Line = 0 };

    private static EquatableArray<FieldModel> Fields(EquatableArray<FieldModel> fields)
    {
        if (fields.IsEmpty)
        {
            return fields;
        }

        var outlines = ImmutableArray.CreateBuilder<FieldModel>(fields.Count);
        foreach (var field in fields)
        {
            outlines.Add(field with
            {
                Description = string.Empty,
                DefaultValue = null,
                Example = null,
                EnumValues = Values(field.EnumValues),
                Line = 0,
            });
        }

        return new(outlines.MoveToImmutable());
    }

    private static EquatableArray<EnumValueModel> Values(EquatableArray<EnumValueModel> values)
    {
        if (values.IsEmpty)
        {
            return values;
        }

        var outlines = ImmutableArray.CreateBuilder<EnumValueModel>(values.Count);
        foreach (var value in values)
        {
            outlines.Add(value with { Description = string.Empty });
        }

        return new(outlines.MoveToImmutable());
    }
}
