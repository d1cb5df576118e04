using System.Collections.Generic;

namespace Authing.Generated;

/// <summary>The client options are incomplete or invalid; the message names every setting that is wrong.</summary>
public sealed class AuthingConfigurationException : AuthingException
{
    /// <summary>Creates the exception from the list of problems found.</summary>
    public AuthingConfigurationException(IReadOnlyList<string> errors)
        : base("Invalid Authing client options: " + string.Join(" ", errors))
    {
        Errors = errors;
    }

    /// <summary>One sentence per problem, each naming the setting.</summary>
    public IReadOnlyList<string> Errors { get; }
}
