using System;
using System.Globalization;

namespace Authing.Generated.Runtime;

/// <summary>Formats a double the way JavaScript's <c>String(number)</c> and <c>JSON.stringify</c> do.</summary>
internal static class JavaScriptNumber
{
    /// <summary>Longest output: sign, "0.", five zeros and 17 digits, or 17 digits with "e+308".</summary>
    public const int MaxLength = 32;

    public static string ToString(double value)
    {
        Span<char> buffer = stackalloc char[MaxLength];
        int length = Format(value, buffer);
        return new string(buffer[..length]);
    }

    public static int FormatUtf8(double value, Span<byte> destination)
    {
        Span<char> buffer = stackalloc char[MaxLength];
        int length = Format(value, buffer);
        for (int i = 0; i < length; i++)
        {
            destination[i] = (byte)buffer[i];
        }

        return length;
    }

    /// <summary>Writes the JavaScript text of a finite <paramref name="value"/>; returns the chars written.</summary>
    public static int Format(double value, Span<char> destination)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentException($"{value} has no JSON representation.", nameof(value));
        }

        if (value == 0)
        {
            destination[0] = '0';
            return 1;
        }

        // .NET's round-trip format already yields the shortest digits that round-trip, as JavaScript requires;
        // only the layout (where the point goes, when to switch to an exponent) differs.
        Span<char> roundTrip = stackalloc char[MaxLength];
        value.TryFormat(roundTrip, out int roundTripLength, "R", CultureInfo.InvariantCulture);

        Span<char> digits = stackalloc char[MaxLength];
        int digitCount = ParseDigits(roundTrip[..roundTripLength], digits, out int pointPosition);
        return Layout(value < 0, digits[..digitCount], pointPosition, destination);
    }

    /// <summary>
    /// Extracts the significant digits (no leading or trailing zeros) and the position of the decimal point
    /// relative to them, so that the value is 0.digits × 10^pointPosition.
    /// </summary>
    private static int ParseDigits(ReadOnlySpan<char> text, Span<char> digits, out int pointPosition)
    {
        int count = 0;
        int integerDigits = 0;
        bool afterPoint = false;
        int exponent = 0;
        int i = text[0] == '-' ? 1 : 0;

        for (; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '.')
            {
                afterPoint = true;
            }
            else if (c is 'E' or 'e')
            {
                exponent = int.Parse(text[(i + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
                break;
            }
            else if (count == 0 && c == '0')
            {
                // A leading zero moves the point left relative to the first significant digit.
                if (afterPoint)
                {
                    integerDigits--;
                }
            }
            else
            {
                digits[count++] = c;
                if (!afterPoint)
                {
                    integerDigits++;
                }
            }
        }

        while (count > 1 && digits[count - 1] == '0')
        {
            count--;
        }

        pointPosition = integerDigits + exponent;
        return count;
    }

    /// <summary>Number::toString from the ECMAScript specification, for k digits and point position n.</summary>
    private static int Layout(bool negative, ReadOnlySpan<char> digits, int n, Span<char> destination)
    {
        int k = digits.Length;
        int written = 0;
        if (negative)
        {
            destination[written++] = '-';
        }

        if (k <= n && n <= 21)
        {
            digits.CopyTo(destination[written..]);
            written += k;
            destination.Slice(written, n - k).Fill('0');
            return written + n - k;
        }

        if (0 < n && n <= 21)
        {
            digits[..n].CopyTo(destination[written..]);
            written += n;
            destination[written++] = '.';
            digits[n..].CopyTo(destination[written..]);
            return written + k - n;
        }

        if (-6 < n && n <= 0)
        {
            destination[written++] = '0';
            destination[written++] = '.';
            destination.Slice(written, -n).Fill('0');
            written += -n;
            digits.CopyTo(destination[written..]);
            return written + k;
        }

        destination[written++] = digits[0];
        if (k > 1)
        {
            destination[written++] = '.';
            digits[1..].CopyTo(destination[written..]);
            written += k - 1;
        }

        int exponent = n - 1;
        destination[written++] = 'e';
        destination[written++] = exponent < 0 ? '-' : '+';
        Math.Abs(exponent).TryFormat(destination[written..], out int exponentLength, default, CultureInfo.InvariantCulture);
        return written + exponentLength;
    }
}
