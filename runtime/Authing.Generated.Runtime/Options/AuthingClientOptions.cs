using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Authing.Generated;

/// <summary>
/// Settings of an Authing client. Bound from the configuration section <c>Authing</c> on the dependency-injection
/// path; <see cref="ToString"/> never shows the secret.
/// </summary>
public sealed class AuthingClientOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string SectionName = "Authing";

    /// <summary>The public Authing host.</summary>
    public const string DefaultHost = "https://api.authing.cn";

    /// <summary>Chinese server messages, the default.</summary>
    public const string ChineseLang = "zh-CN";

    /// <summary>English server messages.</summary>
    public const string EnglishLang = "en-US";

    /// <summary>The access key id (user pool id or key id) that requests are signed as. Required.</summary>
    public string? AccessKeyId { get; set; }

    /// <summary>The access key secret that signs requests. Required; never logged or shown.</summary>
    public string? AccessKeySecret { get; set; }

    /// <summary>
    /// The API host, such as <c>https://api.authing.cn</c> or a private deployment's URL. <c>http://</c> is only
    /// accepted for loopback hosts, or with <see cref="AllowInsecureHttp"/>.
    /// </summary>
    public string Host { get; set; } = DefaultHost;

    /// <summary>The tenant sent as <c>x-authing-app-id</c>; none when null. Can be overridden per call.</summary>
    public string? TenantId { get; set; }

    /// <summary>The language of server messages, <c>zh-CN</c> or <c>en-US</c>. Can be overridden per call.</summary>
    public string Lang { get; set; } = ChineseLang;

    /// <summary>The limit for a whole call: every attempt, the waits between them, and reading the response.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The limit for one attempt, until the response headers arrive.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How many times a failed attempt is retried; 0 turns retries off.</summary>
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>The base delay of the exponential backoff, before jitter.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Also retry POST, PUT, DELETE and other non-idempotent methods. Off by default, because a retried write may be
    /// applied twice.
    /// </summary>
    public bool RetryNonIdempotentRequests { get; set; }

    /// <summary>The largest response body accepted, in bytes.</summary>
    public int MaxResponseBytes { get; set; } = 32 * 1024 * 1024;

    /// <summary>Accept an <c>http://</c> host that is not on the loopback interface. The secret still never travels,
    /// but requests and responses can be read and changed on the way.</summary>
    public bool AllowInsecureHttp { get; set; }

    /// <summary>
    /// Accept any server certificate. Only for test servers with self-signed certificates; a warning is logged once
    /// when a client is built with it.
    /// </summary>
    public bool DangerousAcceptAnyServerCertificate { get; set; }

    /// <summary>Problems found while binding configuration values, reported by <see cref="Validate"/>.</summary>
    internal List<string> BindingErrors { get; } = new();

    /// <summary>Throws <see cref="AuthingConfigurationException"/> naming every setting that is missing or wrong.</summary>
    public void Validate()
    {
        IReadOnlyList<string> errors = GetValidationErrors();
        if (errors.Count > 0)
        {
            throw new AuthingConfigurationException(errors);
        }
    }

    /// <summary>One sentence per problem, each naming the setting; empty when the options are valid.</summary>
    public IReadOnlyList<string> GetValidationErrors()
    {
        var errors = new List<string>(BindingErrors);
        if (string.IsNullOrWhiteSpace(AccessKeyId))
        {
            errors.Add(Option(nameof(AccessKeyId)) + " is required.");
        }
        else if (!IsHeaderText(AccessKeyId))
        {
            errors.Add(Option(nameof(AccessKeyId)) + " must be printable ASCII: it is sent in the authorization header.");
        }

        if (string.IsNullOrEmpty(AccessKeySecret))
        {
            errors.Add(Option(nameof(AccessKeySecret)) + " is required.");
        }

        string? hostError = ValidateHost(Host, AllowInsecureHttp);
        if (hostError is not null)
        {
            errors.Add(Option(nameof(Host)) + " " + hostError);
        }

        if (TenantId is not null && !IsHeaderText(TenantId))
        {
            errors.Add(Option(nameof(TenantId)) + " must be null or non-empty printable ASCII: it is sent in a header.");
        }

        if (!IsSupportedLang(Lang))
        {
            errors.Add(Option(nameof(Lang)) + $" must be {ChineseLang} or {EnglishLang}.");
        }

        AddRangeError(errors, nameof(Timeout), Timeout, TimeSpan.FromMilliseconds(10), TimeSpan.FromDays(1));
        AddRangeError(errors, nameof(AttemptTimeout), AttemptTimeout, TimeSpan.FromMilliseconds(10), TimeSpan.FromDays(1));
        AddRangeError(errors, nameof(RetryDelay), RetryDelay, TimeSpan.Zero, TimeSpan.FromDays(1));
        if (MaxRetryAttempts is < 0 or > 100)
        {
            errors.Add(Option(nameof(MaxRetryAttempts)) + " must be between 0 and 100.");
        }

        if (MaxResponseBytes <= 0)
        {
            errors.Add(Option(nameof(MaxResponseBytes)) + " must be positive.");
        }

        return errors;
    }

    /// <summary>Lists the settings; the secret appears only as set or not set.</summary>
    public override string ToString()
    {
        var text = new StringBuilder("AuthingClientOptions { ");
        text.Append("AccessKeyId = ").Append(AccessKeyId ?? "(not set)")
            .Append(", AccessKeySecret = ").Append(string.IsNullOrEmpty(AccessKeySecret) ? "(not set)" : "(set)")
            .Append(", Host = ").Append(Host)
            .Append(", TenantId = ").Append(TenantId ?? "(none)")
            .Append(", Lang = ").Append(Lang)
            .Append(", Timeout = ").Append(Timeout.ToString("c", CultureInfo.InvariantCulture))
            .Append(", AttemptTimeout = ").Append(AttemptTimeout.ToString("c", CultureInfo.InvariantCulture))
            .Append(", MaxRetryAttempts = ").Append(MaxRetryAttempts)
            .Append(", RetryNonIdempotentRequests = ").Append(RetryNonIdempotentRequests)
            .Append(", AllowInsecureHttp = ").Append(AllowInsecureHttp)
            .Append(", DangerousAcceptAnyServerCertificate = ").Append(DangerousAcceptAnyServerCertificate)
            .Append(" }");
        return text.ToString();
    }

    internal static bool IsSupportedLang(string? lang) =>
        string.Equals(lang, ChineseLang, StringComparison.Ordinal) ||
        string.Equals(lang, EnglishLang, StringComparison.Ordinal);

    internal static string Setting(string name) => $"{SectionName}:{name}";

    /// <summary>An option as code sets it and as configuration does, since a client may be built either way.</summary>
    private static string Option(string name) => $"{name} ({SectionName}:{name})";

    /// <summary>A copy, so that a client keeps the values it was built with.</summary>
    internal AuthingClientOptions Clone() => (AuthingClientOptions)MemberwiseClone();

    private static string? ValidateHost(string? host, bool allowInsecureHttp)
    {
        if (string.IsNullOrWhiteSpace(host))
        {
            return "is required, for example " + DefaultHost + ".";
        }

        if (!Uri.TryCreate(host, UriKind.Absolute, out Uri? uri) ||
            (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return "must be an absolute http:// or https:// URL such as " + DefaultHost + ".";
        }

        if (uri.UserInfo.Length > 0 || uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            return "must not contain user information, a query or a fragment.";
        }

        if (uri.Scheme == Uri.UriSchemeHttp && !uri.IsLoopback && !allowInsecureHttp)
        {
            return $"uses http:// for the non-loopback host '{uri.Host}'; use https://, or set " +
                $"{Option(nameof(AllowInsecureHttp))} to true to accept it.";
        }

        return null;
    }

    private static void AddRangeError(List<string> errors, string name, TimeSpan value, TimeSpan min, TimeSpan max)
    {
        if (value < min || value > max)
        {
            errors.Add($"{Option(name)} must be between {min:c} and {max:c}.");
        }
    }

    /// <summary>
    /// True for a non-empty value an HTTP header can carry as it is: printable ASCII only. Anything else would fail
    /// only when the request is written, after it had been counted as sent.
    /// </summary>
    internal static bool IsHeaderText(string value)
    {
        if (value.Length == 0)
        {
            return false;
        }

        foreach (char c in value)
        {
            if (c is < ' ' or > '~')
            {
                return false;
            }
        }

        return true;
    }
}
