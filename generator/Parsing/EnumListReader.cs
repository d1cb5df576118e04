using System.Collections.Generic;
using System.Text.RegularExpressions;
using Authing.Generated.Generator.Model;

namespace Authing.Generated.Generator.Parsing;

/// <summary>Finds the enumeration a description lists as <c>&lt;br&gt;- `VALUE`: meaning</c> items.</summary>
internal static class EnumListReader
{
    private static readonly Regex LineBreak = new(@"<br\s*/?>", RegexOptions.Compiled | RegexOptions.IgnoreCase);

    private static readonly Regex QuotedItem = new(
        @"^-\s*`(?<value>[^`]+)`\s*(?:[:：]\s*(?<text>.*))?$",
        RegexOptions.Compiled | RegexOptions.Singleline);

    private static readonly Regex BareItem = new(
        @"^-\s*(?<value>[A-Za-z0-9_.\-]+)\s*[:：]\s*(?<text>.*)$",
        RegexOptions.Compiled | RegexOptions.Singleline);

    public static EquatableArray<EnumValueModel> Read(string rawDescription)
    {
        if (rawDescription.IndexOf("<br", System.StringComparison.OrdinalIgnoreCase) < 0)
        {
            return EquatableArray<EnumValueModel>.Empty;
        }

        var values = new List<EnumValueModel>();
        var seen = new HashSet<string>(System.StringComparer.Ordinal);
        var parts = LineBreak.Split(rawDescription);
        for (var i = 1; i < parts.Length; i++)
        {
            var item = parts[i].Trim();
            if (!item.StartsWith("-", System.StringComparison.Ordinal))
            {
                continue;
            }

            var match = QuotedItem.Match(item);
            if (!match.Success)
            {
                match = BareItem.Match(item);
            }

            if (!match.Success)
            {
                continue;
            }

            var value = CellText.DecodeEntities(match.Groups["value"].Value.Trim());
            if (value.Length == 0 || !seen.Add(value))
            {
                continue;
            }

            values.Add(new EnumValueModel(value, CellText.ToPlainText(match.Groups["text"].Value)));
        }

        return values.ToEquatableArray();
    }
}
