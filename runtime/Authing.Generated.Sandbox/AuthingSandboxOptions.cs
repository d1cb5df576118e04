using System;
using System.Collections.Generic;
using Microsoft.Extensions.Logging;

namespace Authing.Generated.Sandbox;

/// <summary>What a sandbox serves and which key pair it accepts.</summary>
public sealed class AuthingSandboxOptions
{
    /// <summary>The only access key id the sandbox accepts.</summary>
    public string AccessKeyId { get; set; } = string.Empty;

    /// <summary>The secret the sandbox verifies signatures with. Never logged.</summary>
    public string AccessKeySecret { get; set; } = string.Empty;

    /// <summary>Reference pages to serve: files, or directories searched recursively for <c>*.md</c>.</summary>
    public IReadOnlyList<string> PagePaths { get; set; } = Array.Empty<string>();

    /// <summary>How far the <c>date</c> header may be from the sandbox's clock; 15 minutes by default.</summary>
    public TimeSpan MaxClockSkew { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// When true, a successful response's top-level <c>requestId</c> is the canonical signed-parameter string the
    /// sandbox computed (<c>name=value&amp;...</c>, empty when there are none), so a test can match each response to
    /// its request.
    /// </summary>
    public bool EchoRequest { get; set; }

    /// <summary>The clock for checking the <c>date</c> header; the system clock when null.</summary>
    public TimeProvider? TimeProvider { get; set; }

    /// <summary>Receives the sandbox's and Kestrel's logs; nothing is logged when null.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    internal void Validate()
    {
        if (string.IsNullOrEmpty(AccessKeyId))
        {
            throw new ArgumentException("An access key id is required.", nameof(AccessKeyId));
        }

        if (string.IsNullOrEmpty(AccessKeySecret))
        {
            throw new ArgumentException("An access key secret is required.", nameof(AccessKeySecret));
        }

        if (PagePaths is null)
        {
            throw new ArgumentException("The page paths cannot be null; use an empty list.", nameof(PagePaths));
        }

        if (MaxClockSkew < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(
                nameof(MaxClockSkew), MaxClockSkew, "The clock skew cannot be negative.");
        }
    }
}
