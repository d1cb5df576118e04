using System.Collections.Generic;
using Microsoft.Extensions.Options;

namespace Authing.Generated;

/// <summary>Reports every invalid setting of <see cref="AuthingClientOptions"/>, for <c>ValidateOnStart</c>.</summary>
internal sealed class AuthingClientOptionsValidator : IValidateOptions<AuthingClientOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthingClientOptions options)
    {
        IReadOnlyList<string> errors = options.GetValidationErrors();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
