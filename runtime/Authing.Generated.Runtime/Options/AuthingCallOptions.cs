namespace Authing.Generated;

/// <summary>Per-call overrides of the client options.</summary>
public sealed class AuthingCallOptions
{
    /// <summary>The tenant for this call, sent as <c>x-authing-app-id</c>; the client's when null.</summary>
    public string? TenantId { get; init; }

    /// <summary>
    /// The language of server messages for this call, <c>zh-CN</c> or <c>en-US</c>; the client's when null.
    /// </summary>
    public string? Lang { get; init; }
}
