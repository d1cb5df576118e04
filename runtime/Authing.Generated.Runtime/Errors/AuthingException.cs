using System;

namespace Authing.Generated;

/// <summary>The base of the errors that an Authing client raises about a call.</summary>
public class AuthingException : Exception
{
    /// <summary>Creates an exception with a default message.</summary>
    public AuthingException()
    {
    }

    /// <summary>Creates an exception with the given message.</summary>
    public AuthingException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with the given message and cause.</summary>
    public AuthingException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
