namespace Authing.Generated.Sandbox;

/// <summary>
/// The <c>apiCode</c> of each error envelope the sandbox sends. Each code starts with the envelope's
/// <c>statusCode</c>, so <c>40102</c> is a 401 whose signature did not match.
/// </summary>
public static class AuthingSandboxApiCodes
{
    /// <summary>
    /// 401: no <c>authorization</c> header, or one not of the form <c>authing &lt;id&gt;:&lt;signature&gt;</c>.
    /// </summary>
    public const int MissingAuthorization = 40100;

    /// <summary>401: the access key id is not the sandbox's.</summary>
    public const int UnknownAccessKey = 40101;

    /// <summary>401: the signature does not match the request.</summary>
    public const int SignatureMismatch = 40102;

    /// <summary>400: no <c>date</c> header, or one that is not an RFC 1123 date.</summary>
    public const int InvalidDate = 40001;

    /// <summary>400: the <c>date</c> header is further from the sandbox's clock than the allowed skew.</summary>
    public const int DateOutOfRange = 40002;

    /// <summary>400: the body of a request other than GET is not a JSON object.</summary>
    public const int BodyNotJsonObject = 40003;

    /// <summary>400: a parameter the page marks as required is absent or null.</summary>
    public const int MissingParameter = 40004;

    /// <summary>404: no page serves the requested path.</summary>
    public const int UnknownPath = 40400;
}
