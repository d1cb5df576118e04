namespace Authing.Generated.Generator.Model;

/// <summary>Where in a page something was found: file, zero-based line and column, and the span in characters.</summary>
internal sealed record SourceSpot(string FilePath, int Start, int Length, int Line, int Column, int EndLine, int EndColumn)
{
    public static SourceSpot File(string filePath) => new(filePath, 0, 0, 0, 0, 0, 0);
}

/// <summary>A diagnostic kept as plain values so it can travel through cached pipeline stages.</summary>
internal sealed record DiagnosticInfo(string Id, SourceSpot Spot, EquatableArray<string> Arguments)
{
    public static DiagnosticInfo Create(string id, SourceSpot spot, params string[] arguments) =>
        new(id, spot, arguments.ToEquatableArray());
}
