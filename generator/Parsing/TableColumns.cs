using System.Collections.Generic;

namespace Authing.Generated.Generator.Parsing;

/// <summary>Which cell of a row holds which column, found from the header's wording in either language.</summary>
internal readonly struct TableColumns
{
    private TableColumns(int name, int type, int required, int defaultValue, int description, int example)
    {
        Name = name;
        Type = type;
        Required = required;
        Default = defaultValue;
        Description = description;
        Example = example;
    }

    public int Name { get; }

    public int Type { get; }

    public int Required { get; }

    public int Default { get; }

    public int Description { get; }

    public int Example { get; }

    public static TableColumns FromHeader(List<string> headerCells)
    {
        int name = -1, type = -1, required = -1, defaultValue = -1, description = -1, example = -1;
        for (var i = 0; i < headerCells.Count; i++)
        {
            var label = CellText.ToToken(headerCells[i]).TrimEnd('?', '？').Trim().ToLowerInvariant();
            switch (label)
            {
                case "名称":
                case "name":
                case "参数":
                case "参数名":
                case "field":
                    name = name < 0 ? i : name;
                    break;
                case "类型":
                case "type":
                    type = type < 0 ? i : type;
                    break;
                case "是否必填":
                case "必填":
                case "required":
                case "is it required":
                case "is required":
                    required = required < 0 ? i : required;
                    break;
                case "默认值":
                case "default value":
                case "default":
                    defaultValue = defaultValue < 0 ? i : defaultValue;
                    break;
                case "描述":
                case "说明":
                case "description":
                    description = description < 0 ? i : description;
                    break;
                case "示例值":
                case "示例":
                case "sample value":
                case "example value":
                case "example":
                    example = example < 0 ? i : example;
                    break;
            }
        }

        return new TableColumns(name, type, required, defaultValue, description, example);
    }

    public string Cell(List<string> cells, int index) => index >= 0 && index < cells.Count ? cells[index] : string.Empty;
}
