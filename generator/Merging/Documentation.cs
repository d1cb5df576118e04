using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Authing.Generated.Generator.Model;

namespace Authing.Generated.Generator.Merging;

/// <summary>
/// Fills the doc comments of planned code (<see cref="CatalogPlan"/>) from the pages its <see cref="TextRef"/>s
/// point at. A page's own code needs only that page, so rewording it fills nothing else again.
/// </summary>
internal static class Documentation
{
    /// <summary>The code <paramref name="page"/> owns in <paramref name="plan"/>, documented from it.</summary>
    public static PageCode FillPage(PageModel page, CatalogPlan plan) => FillPage(PlannedFor(page, plan));

    /// <summary>The code planned for <paramref name="page"/> in <paramref name="plan"/>, with the page.</summary>
    /// <remarks>
    /// Only an operation page owns code; another page at the same path (a host can hand over two texts for one
    /// path) takes none of it.
    /// </remarks>
    public static PagePlan PlannedFor(PageModel page, CatalogPlan plan) =>
        new(page, page.IsOperation ? plan.Find(page.FilePath) : null, page.IsOperation && plan.FeedsShared(page.FilePath));

    /// <summary>The code planned for a page, documented from it.</summary>
    public static PageCode FillPage(PagePlan plan) =>
        plan.Planned is { } planned ? Fill(planned, _ => plan.Page) : PageCode.Empty(plan.Page.FilePath);

    /// <summary>
    /// The code whose texts are on several pages, documented from them. <paramref name="pages"/> hold at least the
    /// pages of <see cref="CatalogPlan.SharedSources"/>, in the order the compiler handed them over.
    /// </summary>
    public static PageCode FillShared(CatalogPlan plan, IEnumerable<PageModel> pages)
    {
        var shared = plan.Shared;
        if (!shared.HasCode && shared.Diagnostics.IsEmpty)
        {
            return shared;
        }

        // The plan numbers pages by their place among all operation pages; each source says which page that is.
        var byIndex = new Dictionary<int, PageModel>(plan.SharedSources.Count);
        var candidates = new List<PageModel>(pages.Where(p => p.IsOperation));
        foreach (var source in plan.SharedSources)
        {
            var occurrence = source.Occurrence;
            foreach (var page in candidates)
            {
                if (string.Equals(page.FilePath, source.FilePath, StringComparison.Ordinal) && occurrence-- == 0)
                {
                    byIndex.Add(source.Index, page);
                    break;
                }
            }
        }

        return Fill(shared, index => byIndex[index]);
    }

    private static PageCode Fill(PageCode planned, Func<int, PageModel> pageAt)
    {
        var objects = ImmutableArray.CreateBuilder<ObjectSpec>(planned.Objects.Count);
        foreach (var spec in planned.Objects)
        {
            var properties = ImmutableArray.CreateBuilder<PropertySpec>(spec.Properties.Count);
            foreach (var property in spec.Properties)
            {
                properties.Add(property with { Doc = Text(property.Text, pageAt) });
            }

            objects.Add(spec with { Doc = Text(spec.Text, pageAt), Properties = new(properties.MoveToImmutable()) });
        }

        var enums = ImmutableArray.CreateBuilder<EnumSpec>(planned.Enums.Count);
        foreach (var spec in planned.Enums)
        {
            var members = ImmutableArray.CreateBuilder<EnumMemberSpec>(spec.Members.Count);
            foreach (var member in spec.Members)
            {
                members.Add(member with { Doc = Text(member.Text, pageAt) });
            }

            enums.Add(spec with { Doc = Text(spec.Text, pageAt), Members = new(members.MoveToImmutable()) });
        }

        var operations = ImmutableArray.CreateBuilder<OperationSpec>(planned.Operations.Count);
        foreach (var spec in planned.Operations)
        {
            var page = pageAt(spec.Text.Page);
            operations.Add(spec with { Summary = TitleOf(page), Remarks = page.Description });
        }

        var diagnostics = ImmutableArray.CreateBuilder<MergeDiagnostic>(planned.Diagnostics.Count);
        foreach (var diagnostic in planned.Diagnostics)
        {
            diagnostics.Add(Located(diagnostic, pageAt));
        }

        return planned with
        {
            Objects = new(objects.MoveToImmutable()),
            Enums = new(enums.MoveToImmutable()),
            Operations = new(operations.MoveToImmutable()),
            Diagnostics = new(diagnostics.MoveToImmutable()),
        };
    }

    /// <summary>The diagnostic at the line of the table or row it points at, in the page as it is now.</summary>
    private static MergeDiagnostic Located(MergeDiagnostic diagnostic, Func<int, PageModel> pageAt)
    {
        var at = diagnostic.At;
        if (at.Kind == TextKind.None)
        {
            return diagnostic;
        }

        var page = pageAt(at.Page);
        var line = at.Kind switch
        {
            TextKind.Structure => at.Table switch
            {
                TextRef.RequestTable => 0,
                TextRef.ResponseTable => page.Response?.Line ?? 0,
                _ => page.Structures[at.Table].Line,
            },
            TextKind.Field => FieldAt(page, at).Line,
            _ => 0,
        };
        var spot = diagnostic.Info.Spot with { Line = line, EndLine = line };
        return new MergeDiagnostic(diagnostic.Info with { Spot = spot });
    }

    private static string Text(TextRef text, Func<int, PageModel> pageAt)
    {
        switch (text.Kind)
        {
            case TextKind.None:
                return string.Empty;
            case TextKind.Envelope:
                return CatalogBuilder.EnvelopeFields[text.Row].Description;
            case TextKind.Request:
                return "The parameters of the operation \"" + TitleOf(pageAt(text.Page)) + "\".";
            case TextKind.Structure:
                return pageAt(text.Page).Structures[text.Table].Description;
            case TextKind.Field:
                return FieldAt(pageAt(text.Page), text).Description;
            case TextKind.EnumType:
                return FirstLine(FieldAt(pageAt(text.Page), text).Description);
            case TextKind.EnumValue:
                return FieldAt(pageAt(text.Page), text).EnumValues[text.Value].Description;
            default:
                throw new ArgumentOutOfRangeException(nameof(text), text.Kind, "Unknown kind of text.");
        }
    }

    /// <summary>The page's title, or, for a page without one, its file name without extension.</summary>
    private static string TitleOf(PageModel page) => page.Title.Length == 0 ? page.Slug : page.Title;

    private static FieldModel FieldAt(PageModel page, TextRef text)
    {
        var fields = text.Table switch
        {
            TextRef.RequestTable => page.RequestFields,
            TextRef.ResponseTable => page.Response?.Fields ?? EquatableArray<FieldModel>.Empty,
            _ => page.Structures[text.Table].Fields,
        };
        return fields[text.Row];
    }

    private static string FirstLine(string text)
    {
        var newline = text.IndexOf('\n');
        return newline < 0 ? text : text.Substring(0, newline);
    }
}
