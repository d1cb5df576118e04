using System.Collections.Generic;
using Microsoft.Extensions.Options;

namespace Authing.Generated;

/// <summary>Reports every invalid setting of <see cref="AuthingClientOptions"/>, for <c>ValidateOnStart</c>.</summary>
internal sealed class AuthingClientOptionsValidator : IValidateOptions<AuthingClientOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthingClientOptions options)
    {
        IReadOnlyList<string> errors = options.GetValidationErrors();
        if (errors.Count == 0)
        {
            return ValidateOptionsResult.Success;
        }

        // The options framework joins failures with "; ", so each loses its closing full stop.
        var failures = new List<string>(errors.Count);
        foreach (string error in errors)
        {
            failures.Add(error.TrimEnd('.'));
        }

        return ValidateOptionsResult.Fail(failures);
    }
}
