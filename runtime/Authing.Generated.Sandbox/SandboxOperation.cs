using System.Collections.Generic;

namespace Authing.Generated.Sandbox;

/// <summary>One operation the sandbox serves, taken from its reference page.</summary>
/// <param name="Method">The page's HTTP method, used in the listing; requests are accepted with any method.</param>
/// <param name="Path">The path the operation is served at.</param>
/// <param name="PageFile">The page the operation comes from, for log messages.</param>
/// <param name="RequiredParameters">The request-table rows marked required, in table order.</param>
/// <param name="ExampleResult">The page's example result as UTF-8, verbatim; null when it has no usable one.</param>
internal sealed record SandboxOperation(
    string Method,
    string Path,
    string PageFile,
    IReadOnlyList<string> RequiredParameters,
    byte[]? ExampleResult);
