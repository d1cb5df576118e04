using System;
using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Authing.Generated;

/// <summary>
/// Binds <see cref="AuthingClientOptions"/> from a configuration section by hand: trim- and AOT-safe, and a value
/// that does not parse becomes a validation error naming its key instead of an exception at bind time.
/// </summary>
internal static class AuthingClientOptionsBinder
{
    public static void Bind(IConfiguration section, AuthingClientOptions options)
    {
        BindString(section, nameof(AuthingClientOptions.AccessKeyId), value => options.AccessKeyId = value);
        BindString(section, nameof(AuthingClientOptions.AccessKeySecret), value => options.AccessKeySecret = value);
        BindString(section, nameof(AuthingClientOptions.Host), value => options.Host = value);
        BindString(section, nameof(AuthingClientOptions.TenantId), value => options.TenantId = value);
        BindString(section, nameof(AuthingClientOptions.Lang), value => options.Lang = value);
        BindTimeSpan(section, options, nameof(options.Timeout), value => options.Timeout = value);
        BindTimeSpan(section, options, nameof(options.AttemptTimeout), value => options.AttemptTimeout = value);
        BindTimeSpan(section, options, nameof(options.RetryDelay), value => options.RetryDelay = value);
        BindInt(section, options, nameof(options.MaxRetryAttempts), value => options.MaxRetryAttempts = value);
        BindInt(section, options, nameof(options.MaxResponseBytes), value => options.MaxResponseBytes = value);
        BindBool(
            section,
            options,
            nameof(options.RetryNonIdempotentRequests),
            value => options.RetryNonIdempotentRequests = value);
        BindBool(section, options, nameof(options.AllowInsecureHttp), value => options.AllowInsecureHttp = value);
        BindBool(
            section,
            options,
            nameof(options.DangerousAcceptAnyServerCertificate),
            value => options.DangerousAcceptAnyServerCertificate = value);
    }

    private static void BindString(IConfiguration section, string key, Action<string> assign)
    {
        string? value = section[key];
        if (value is not null)
        {
            assign(value);
        }
    }

    private static void BindTimeSpan(
        IConfiguration section, AuthingClientOptions options, string key, Action<TimeSpan> assign)
    {
        string? value = section[key];
        if (value is null)
        {
            return;
        }

        if (TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out TimeSpan parsed))
        {
            assign(parsed);
        }
        else
        {
            options.BindingErrors.Add(
                $"{AuthingClientOptions.Setting(key)} '{value}' is not a time span such as 00:00:30.");
        }
    }

    private static void BindInt(IConfiguration section, AuthingClientOptions options, string key, Action<int> assign)
    {
        string? value = section[key];
        if (value is null)
        {
            return;
        }

        if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int parsed))
        {
            assign(parsed);
        }
        else
        {
            options.BindingErrors.Add($"{AuthingClientOptions.Setting(key)} '{value}' is not a whole number.");
        }
    }

    private static void BindBool(IConfiguration section, AuthingClientOptions options, string key, Action<bool> assign)
    {
        string? value = section[key];
        if (value is null)
        {
            return;
        }

        if (bool.TryParse(value, out bool parsed))
        {
            assign(parsed);
        }
        else
        {
            options.BindingErrors.Add($"{AuthingClientOptions.Setting(key)} '{value}' is not true or false.");
        }
    }
}
