using System;
using System.IO;
using System.Net.Http;
using System.Threading.Tasks;
using Authing.Generated;
using Authing.Generated.Sandbox;

// Calls the operation generated from specs/association-ext-idp.md. With AUTHING_ACCESS_KEY_ID and
// AUTHING_ACCESS_KEY_SECRET set it calls the real API (AUTHING_HOST, if set, names a private deployment);
// without them it starts the local sandbox on 127.0.0.1 and calls that.
var accessKeyId = Environment.GetEnvironmentVariable("AUTHING_ACCESS_KEY_ID");
var accessKeySecret = Environment.GetEnvironmentVariable("AUTHING_ACCESS_KEY_SECRET");
var useSandbox = string.IsNullOrEmpty(accessKeyId) || string.IsNullOrEmpty(accessKeySecret);

AuthingSandbox? sandbox = null;
try
{
    var options = new AuthingClientOptions { AccessKeyId = accessKeyId ?? string.Empty, AccessKeySecret = accessKeySecret ?? string.Empty };
    if (useSandbox)
    {
        options.AccessKeyId = "quick-start-key";
        options.AccessKeySecret = "quick-start-secret-" + Guid.NewGuid().ToString("N");
        sandbox = await AuthingSandbox.StartAsync(new AuthingSandboxOptions
        {
            AccessKeyId = options.AccessKeyId,
            AccessKeySecret = options.AccessKeySecret,
            PagePaths = new[] { Path.Combine(AppContext.BaseDirectory, "specs") },
        });
        options.Host = sandbox.BaseAddress.ToString();
        Console.WriteLine($"No AUTHING_ACCESS_KEY_ID/AUTHING_ACCESS_KEY_SECRET set: calling the local sandbox at {options.Host}");
    }
    else if (Environment.GetEnvironmentVariable("AUTHING_HOST") is { Length: > 0 } host)
    {
        options.Host = host;
    }

    using var client = new ManagementClient(options);
    var result = await client.AssociationExtIdpAsync(new AssociationExtIdpDto
    {
        Association = true,
        Id = "60b49eb83fd80adb96f26e68",
    });

    Console.WriteLine($"success: {result.Data?.Success}, requestId: {result.RequestId}");
    return result.Data?.Success == true ? 0 : 1;
}
catch (Exception exception) when (exception is AuthingException or TimeoutException or HttpRequestException)
{
    // What a call raises for a failure on the server's side or on the way there: an error envelope or a reply that
    // is not one, even one cut off mid-body (AuthingException), running out of time, or a server out of reach.
    Console.Error.WriteLine($"The call failed: {exception.Message}");
    return 1;
}
finally
{
    if (sandbox is not null)
    {
        await sandbox.DisposeAsync();
    }
}
