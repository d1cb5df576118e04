using System.ComponentModel;

namespace Authing.Generated.Runtime;

/// <summary>The names and fixed values of the headers that take part in request signing.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class AuthingHeaders
{
    /// <summary>Every header whose lower-case name starts with this prefix is signed.</summary>
    public const string SignedPrefix = "x-authing-";

    /// <summary>A fresh random value for every attempt.</summary>
    public const string Nonce = "x-authing-signature-nonce";

    /// <summary>The signature algorithm; always <see cref="SignatureMethodValue"/>.</summary>
    public const string SignatureMethod = "x-authing-signature-method";

    /// <summary>The signature scheme version; always <see cref="SignatureVersionValue"/>.</summary>
    public const string SignatureVersion = "x-authing-signature-version";

    /// <summary>Which SDK sent the request, such as <c>authing-csharp-generated:1.0.0</c>.</summary>
    public const string SdkVersion = "x-authing-sdk-version";

    /// <summary>The language of server messages: <c>zh-CN</c> or <c>en-US</c>.</summary>
    public const string Lang = "x-authing-lang";

    /// <summary>The tenant, sent only when one is configured.</summary>
    public const string AppId = "x-authing-app-id";

    /// <summary>The request time in RFC 1123 form; signed although it has no <c>x-authing-</c> prefix.</summary>
    public const string Date = "date";

    /// <summary>Carries <c>authing &lt;accessKeyId&gt;:&lt;signature&gt;</c>.</summary>
    public const string Authorization = "authorization";

    /// <summary>The value of <see cref="SignatureMethod"/>.</summary>
    public const string SignatureMethodValue = "HMAC-SHA1";

    /// <summary>The value of <see cref="SignatureVersion"/>.</summary>
    public const string SignatureVersionValue = "1.0";

    /// <summary>The scheme word at the start of the authorization header.</summary>
    public const string AuthorizationScheme = "authing";
}
