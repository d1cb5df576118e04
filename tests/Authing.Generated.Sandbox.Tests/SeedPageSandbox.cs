using System;
using System.Threading.Tasks;
using Xunit;

namespace Authing.Generated.Sandbox.Tests;

/// <summary>One sandbox serving the project's <c>specs</c> folder, shared by the tests of a class.</summary>
public sealed class SeedPageSandbox : IAsyncLifetime
{
    private AuthingSandbox? _sandbox;

    public AuthingSandbox Sandbox => _sandbox ?? throw new InvalidOperationException("The sandbox has not started.");

    public async Task InitializeAsync() =>
        _sandbox = await AuthingSandbox.StartAsync(new AuthingSandboxOptions
        {
            AccessKeyId = RequestSigner.AccessKeyId,
            AccessKeySecret = RequestSigner.AccessKeySecret,
            PagePaths = [RepositoryFolders.Specs],
        });

    public async Task DisposeAsync()
    {
        if (_sandbox is not null)
        {
            await _sandbox.DisposeAsync();
        }
    }
}
