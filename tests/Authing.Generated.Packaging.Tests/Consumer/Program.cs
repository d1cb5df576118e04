using System;
using System.IO;
using Authing.Generated;
using Authing.Generated.Sandbox;
using Contoso.Identity;

// Calls the operation generated from specs/association-ext-idp.md against the sandbox package on 127.0.0.1.
var accessKeySecret = "consumer-secret-" + Guid.NewGuid().ToString("N");
await using var sandbox = await AuthingSandbox.StartAsync(new AuthingSandboxOptions
{
    AccessKeyId = "consumer-key",
    AccessKeySecret = accessKeySecret,
    PagePaths = new[] { Path.Combine(AppContext.BaseDirectory, "specs") },
});

using var client = new ContosoManagement(new AuthingClientOptions
{
    AccessKeyId = "consumer-key",
    AccessKeySecret = accessKeySecret,
    Host = sandbox.BaseAddress.ToString(),
});

var result = await client.AssociationExtIdpAsync(new AssociationExtIdpDto
{
    Association = true,
    Id = "60b49eb83fd80adb96f26e68",
});

Console.WriteLine($"success: {result.Data?.Success}, requestId: {result.RequestId}");
return result.Data?.Success == true ? 0 : 1;
