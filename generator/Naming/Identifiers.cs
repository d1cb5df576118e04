using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace Authing.Generated.Generator.Naming;

/// <summary>Turns names from pages into valid, deterministic C# identifiers.</summary>
internal static class Identifiers
{
    /// <summary>Members every generated record, enum or client has or inherits; a page's name must not take them.</summary>
    public static readonly HashSet<string> ReservedMemberNames = new(System.StringComparer.Ordinal)
    {
        "EqualityContract", "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize",
        "Deconstruct", "PrintMembers", "Clone", "WriteJson", "ReadJson", "WriteParameters", "Value", "ReferenceEquals",
    };

    [ThreadStatic]
    private static StringBuilder? s_builder;

    /// <summary>A PascalCase identifier: word boundaries at non-identifier characters, first letters raised.</summary>
    public static string ToPascal(string name, string fallback)
    {
        // Called for every field of every page on each merge; one builder per thread spares a buffer per name.
        var builder = s_builder ??= new StringBuilder(64);
        builder.Clear();
        var raiseNext = true;
        foreach (var c in name)
        {
            if (IsIdentifierPart(c) && c != '_')
            {
                builder.Append(raiseNext ? char.ToUpperInvariant(c) : c);
                raiseNext = false;
            }
            else
            {
                raiseNext = true;
            }
        }

        return Finish(builder, fallback);
    }

    /// <summary>A type name kept as written where it is already an identifier, else made one.</summary>
    public static string ToTypeName(string name)
    {
        if (IsValidIdentifier(name) && char.IsUpper(name[0]))
        {
            return name;
        }

        return ToPascal(name, "Structure");
    }

    public static bool IsValidIdentifier(string name)
    {
        if (name.Length == 0 || !IsIdentifierStart(name[0]))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!IsIdentifierPart(c))
            {
                return false;
            }
        }

        return SyntaxFacts.GetKeywordKind(name) == SyntaxKind.None
            && SyntaxFacts.GetContextualKeywordKind(name) == SyntaxKind.None;
    }

    /// <summary>Returns <paramref name="candidate"/>, or it with the lowest numeric suffix not yet taken; then takes it.</summary>
    public static string MakeUnique(string candidate, ISet<string> taken)
    {
        var name = candidate;
        for (var i = 2; !taken.Add(name); i++)
        {
            name = candidate + i.ToString(CultureInfo.InvariantCulture);
        }

        return name;
    }

    private static string Finish(StringBuilder builder, string fallback)
    {
        if (builder.Length == 0)
        {
            return fallback;
        }

        if (!IsIdentifierStart(builder[0]))
        {
            builder.Insert(0, '_');
        }

        var result = builder.ToString();
        if (SyntaxFacts.GetKeywordKind(result) != SyntaxKind.None
            || SyntaxFacts.GetContextualKeywordKind(result) != SyntaxKind.None)
        {
            result = "@" + result;
        }

        return result;
    }

    private static bool IsIdentifierStart(char c) =>
        c == '_' || char.GetUnicodeCategory(c) switch
        {
            UnicodeCategory.UppercaseLetter => true,
            UnicodeCategory.LowercaseLetter => true,
            UnicodeCategory.TitlecaseLetter => true,
            UnicodeCategory.ModifierLetter => true,
            UnicodeCategory.OtherLetter => true,
            UnicodeCategory.LetterNumber => true,
            _ => false,
        };

    private static bool IsIdentifierPart(char c) =>
        IsIdentifierStart(c) || char.GetUnicodeCategory(c) switch
        {
            UnicodeCategory.DecimalDigitNumber => true,
            UnicodeCategory.ConnectorPunctuation => true,
            UnicodeCategory.NonSpacingMark => true,
            UnicodeCategory.SpacingCombiningMark => true,
            _ => false,
        };
}
