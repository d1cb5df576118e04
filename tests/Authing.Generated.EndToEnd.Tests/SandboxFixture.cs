using System;
using System.IO;
using System.Threading.Tasks;
using Authing.Generated.Sandbox;
using Xunit;

namespace Authing.Generated.EndToEnd.Tests;

/// <summary>One sandbox on 127.0.0.1 serving the pages the client was generated from, shared by a test class.</summary>
public sealed class SandboxFixture : IAsyncLifetime
{
    public const string AccessKeyId = "end-to-end-key";
    public const string AccessKeySecret = "end-to-end-secret-value";

    /// <summary>Answers with each page's example result as written.</summary>
    public AuthingSandbox Sandbox { get; private set; } = null!;

    /// <summary>Puts the parameters it received, as signed, into each reply's requestId.</summary>
    public AuthingSandbox EchoSandbox { get; private set; } = null!;

    public static string SpecsDirectory => Path.Combine(AppContext.BaseDirectory, "specs");

    public async Task InitializeAsync()
    {
        Sandbox = await Start(echo: false);
        EchoSandbox = await Start(echo: true);
    }

    public async Task DisposeAsync()
    {
        await Sandbox.DisposeAsync();
        await EchoSandbox.DisposeAsync();
    }

    public AuthingClientOptions Options(AuthingSandbox? sandbox = null, string? secret = null, string? keyId = null) => new()
    {
        AccessKeyId = keyId ?? AccessKeyId,
        AccessKeySecret = secret ?? AccessKeySecret,
        Host = (sandbox ?? Sandbox).BaseAddress.ToString(),
        MaxRetryAttempts = 0,
    };

    private static Task<AuthingSandbox> Start(bool echo) =>
        AuthingSandbox.StartAsync(new AuthingSandboxOptions
        {
            AccessKeyId = AccessKeyId,
            AccessKeySecret = AccessKeySecret,
            PagePaths = new[] { SpecsDirectory },
            EchoRequest = echo,
        });
}
