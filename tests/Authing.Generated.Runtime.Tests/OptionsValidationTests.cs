using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Authing.Generated.Runtime.Tests;

/// <summary>Wrong settings are refused up front, with a message that names the setting.</summary>
public sealed class OptionsValidationTests
{
    public static TheoryData<string, string?, string> InvalidSettings() => new()
    {
        { "AccessKeyId", null, "AccessKeyId (Authing:AccessKeyId) is required" },
        { "AccessKeyId", "  ", "AccessKeyId (Authing:AccessKeyId) is required" },
        { "AccessKeySecret", "", "AccessKeySecret (Authing:AccessKeySecret) is required" },
        { "Host", "", "Host (Authing:Host) is required" },
        { "Host", "api.authing.cn", "Host (Authing:Host) must be an absolute http:// or https:// URL" },
        { "Host", "ftp://api.authing.cn", "Host (Authing:Host) must be an absolute http:// or https:// URL" },
        { "Host", "https://api.authing.cn/?x=1", "Host (Authing:Host) must not contain user information, a query or a fragment" },
        { "Host", "http://api.example.com", "Host (Authing:Host) uses http:// for the non-loopback host 'api.example.com'" },
        { "Host", "http://10.1.2.3:8080", "set AllowInsecureHttp (Authing:AllowInsecureHttp) to true" },
        { "Lang", "fr-FR", "Lang (Authing:Lang) must be zh-CN or en-US" },
        { "Timeout", "00:00:00", "Timeout (Authing:Timeout) must be between" },
        { "AttemptTimeout", "-00:00:01", "AttemptTimeout (Authing:AttemptTimeout) must be between" },
        { "MaxRetryAttempts", "-1", "MaxRetryAttempts (Authing:MaxRetryAttempts) must be between 0 and 100" },
        { "MaxResponseBytes", "0", "MaxResponseBytes (Authing:MaxResponseBytes) must be positive" },
        { "AccessKeyId", "键-1", "AccessKeyId (Authing:AccessKeyId) must be printable ASCII" },
        { "AccessKeyId", "key\r\nx-evil: 1", "AccessKeyId (Authing:AccessKeyId) must be printable ASCII" },
        { "TenantId", "", "TenantId (Authing:TenantId) must be null or non-empty printable ASCII" },
        { "TenantId", "租户", "TenantId (Authing:TenantId) must be null or non-empty printable ASCII" },
    };

    [Theory]
    [MemberData(nameof(InvalidSettings))]
    public void Create_refuses_an_invalid_setting_naming_it(string setting, string? value, string message)
    {
        AuthingClientOptions options = Valid();
        Apply(options, setting, value);

        AuthingConfigurationException error = Assert.Throws<AuthingConfigurationException>(
            () => AuthingTransport.Create(options));

        Assert.Contains(message, error.Message);
        Assert.Single(error.Errors);
        Assert.DoesNotContain("SK_secret", error.Message);
    }

    [Theory]
    [MemberData(nameof(InvalidSettings))]
    public void Dependency_injection_refuses_an_invalid_setting_at_start_up(string setting, string? value, string message)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Authing:AccessKeyId"] = "AK_1",
            ["Authing:AccessKeySecret"] = "SK_secret",
            ["Authing:Host"] = "https://api.authing.cn",
            [$"Authing:{setting}"] = value,
        };
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddAuthingClient(configuration, transport => new SampleClient(transport));
        using ServiceProvider provider = services.BuildServiceProvider();

        OptionsValidationException error = Assert.Throws<OptionsValidationException>(
            () => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(message, error.Message);
        Assert.DoesNotContain("SK_secret", error.Message);
    }

    [Fact]
    public async Task Host_start_fails_naming_every_missing_or_malformed_setting()
    {
        HostApplicationBuilder builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Authing:Host"] = "not a url",
            ["Authing:Timeout"] = "soon",
        });
        builder.Services.AddAuthingClient(builder.Configuration, transport => new SampleClient(transport));
        using IHost host = builder.Build();

        OptionsValidationException error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("AccessKeyId (Authing:AccessKeyId) is required", error.Message);
        Assert.Contains("AccessKeySecret (Authing:AccessKeySecret) is required", error.Message);
        Assert.Contains("Host (Authing:Host) must be an absolute", error.Message);
        Assert.Contains("Authing:Timeout 'soon' is not a time span", error.Message);
        Assert.DoesNotContain(".;", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Host_starts_with_valid_configuration_and_binds_every_setting()
    {
        HostApplicationBuilder builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Authing:AccessKeyId"] = "AK_1",
            ["Authing:AccessKeySecret"] = "SK_secret",
            ["Authing:Host"] = "https://example.authing.local/",
            ["Authing:TenantId"] = "tenant-9",
            ["Authing:Lang"] = "en-US",
            ["Authing:Timeout"] = "00:01:00",
            ["Authing:AttemptTimeout"] = "00:00:05",
            ["Authing:MaxRetryAttempts"] = "5",
            ["Authing:RetryDelay"] = "00:00:00.250",
            ["Authing:RetryNonIdempotentRequests"] = "true",
            ["Authing:MaxResponseBytes"] = "1000",
            ["Authing:AllowInsecureHttp"] = "true",
            ["Authing:DangerousAcceptAnyServerCertificate"] = "false",
        });
        builder.Services.AddAuthingClient(builder.Configuration, transport => new SampleClient(transport));
        using IHost host = builder.Build();

        await host.StartAsync();
        AuthingClientOptions options = host.Services.GetRequiredService<IOptionsMonitor<AuthingClientOptions>>()
            .Get(AuthingServiceCollectionExtensions.GetClientName<SampleClient>());
        await host.StopAsync();

        Assert.NotNull(host.Services.GetRequiredService<SampleClient>().Transport);
        Assert.Equal(
            ("AK_1", "SK_secret", "https://example.authing.local/", "tenant-9", "en-US"),
            (options.AccessKeyId, options.AccessKeySecret, options.Host, options.TenantId, options.Lang));
        Assert.Equal(
            (TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(5), 5, TimeSpan.FromMilliseconds(250), true, 1000, true, false),
            (options.Timeout, options.AttemptTimeout, options.MaxRetryAttempts, options.RetryDelay,
                options.RetryNonIdempotentRequests, options.MaxResponseBytes, options.AllowInsecureHttp,
                options.DangerousAcceptAnyServerCertificate));
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080")]
    [InlineData("http://127.4.5.6")]
    [InlineData("http://localhost:5000/")]
    [InlineData("http://[::1]:5000")]
    [InlineData("https://api.authing.cn")]
    [InlineData("https://auth.example.com/base")]
    public void Loopback_http_and_any_https_host_are_accepted(string host)
    {
        AuthingClientOptions options = Valid();
        options.Host = host;

        Assert.Empty(options.GetValidationErrors());
    }

    [Fact]
    public void Non_loopback_http_is_accepted_only_when_allowed_explicitly()
    {
        AuthingClientOptions options = Valid();
        options.Host = "http://authing.internal";
        Assert.NotEmpty(options.GetValidationErrors());

        options.AllowInsecureHttp = true;
        Assert.Empty(options.GetValidationErrors());
    }

    [Fact]
    public void Defaults_are_the_public_host_chinese_messages_and_retries_for_reads_only()
    {
        var options = new AuthingClientOptions();

        Assert.Equal("https://api.authing.cn", options.Host);
        Assert.Equal("zh-CN", options.Lang);
        Assert.False(options.RetryNonIdempotentRequests);
        Assert.False(options.AllowInsecureHttp);
        Assert.False(options.DangerousAcceptAnyServerCertificate);
        Assert.True(options.MaxRetryAttempts > 0);
        Assert.Equal(2, options.GetValidationErrors().Count);
    }

    private static AuthingClientOptions Valid() => new()
    {
        AccessKeyId = "AK_1",
        AccessKeySecret = "SK_secret",
        Host = "https://api.authing.cn",
    };

    private static void Apply(AuthingClientOptions options, string setting, string? value)
    {
        switch (setting)
        {
            case "AccessKeyId": options.AccessKeyId = value; break;
            case "AccessKeySecret": options.AccessKeySecret = value; break;
            case "Host": options.Host = value!; break;
            case "Lang": options.Lang = value!; break;
            case "TenantId": options.TenantId = value; break;
            case "Timeout": options.Timeout = TimeSpan.Parse(value!); break;
            case "AttemptTimeout": options.AttemptTimeout = TimeSpan.Parse(value!); break;
            case "MaxRetryAttempts": options.MaxRetryAttempts = int.Parse(value!); break;
            case "MaxResponseBytes": options.MaxResponseBytes = int.Parse(value!); break;
            default: throw new ArgumentOutOfRangeException(nameof(setting), setting, null);
        }
    }

    private sealed class SampleClient(AuthingTransport transport)
    {
        public AuthingTransport Transport { get; } = transport;
    }
}
