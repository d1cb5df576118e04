using System;
using System.Buffers;
using System.Text.Encodings.Web;

namespace Authing.Generated.Runtime;

/// <summary>
/// Escapes exactly what JavaScript's <c>JSON.stringify</c> escapes: the quote, the backslash and control characters.
/// Everything else, including non-ASCII text and emoji, is written as is, so signed text matches the official SDKs.
/// </summary>
// Limitation: a lone UTF-16 surrogate becomes U+FFFD, where JSON.stringify would write it as \udxxx.
internal sealed class JavaScriptJsonEncoder : JavaScriptEncoder
{
    public static readonly JavaScriptJsonEncoder Instance = new();

    private static readonly SearchValues<char> s_charsToEscape = SearchValues.Create(CharsToEscape());
    private static readonly SearchValues<byte> s_bytesToEscape = SearchValues.Create(BytesToEscape());

    private JavaScriptJsonEncoder()
    {
    }

    /// <summary>The longest escape is <c>\u00XX</c>.</summary>
    public override int MaxOutputCharactersPerInputCharacter => 6;

    public override bool WillEncode(int unicodeScalar) => unicodeScalar is < 0x20 or '"' or '\\';

    public override unsafe int FindFirstCharacterToEncode(char* text, int textLength) =>
        new ReadOnlySpan<char>(text, textLength).IndexOfAny(s_charsToEscape);

    public override int FindFirstCharacterToEncodeUtf8(ReadOnlySpan<byte> utf8Text) =>
        utf8Text.IndexOfAny(s_bytesToEscape);

    public override unsafe bool TryEncodeUnicodeScalar(
        int unicodeScalar, char* buffer, int bufferLength, out int numberOfCharactersWritten)
    {
        var destination = new Span<char>(buffer, bufferLength);
        ReadOnlySpan<char> escape = unicodeScalar switch
        {
            '"' => "\\\"",
            '\\' => "\\\\",
            '\b' => "\\b",
            '\t' => "\\t",
            '\n' => "\\n",
            '\f' => "\\f",
            '\r' => "\\r",
            _ => default,
        };

        if (!escape.IsEmpty)
        {
            return TryCopy(escape, destination, out numberOfCharactersWritten);
        }

        if (!WillEncode(unicodeScalar))
        {
            if (!new System.Text.Rune(unicodeScalar).TryEncodeToUtf16(destination, out numberOfCharactersWritten))
            {
                numberOfCharactersWritten = 0;
                return false;
            }

            return true;
        }

        if (destination.Length < 6)
        {
            numberOfCharactersWritten = 0;
            return false;
        }

        "\\u00".CopyTo(destination);
        destination[4] = HexDigit(unicodeScalar >> 4);
        destination[5] = HexDigit(unicodeScalar & 0xF);
        numberOfCharactersWritten = 6;
        return true;
    }

    private static bool TryCopy(ReadOnlySpan<char> escape, Span<char> destination, out int written)
    {
        if (escape.TryCopyTo(destination))
        {
            written = escape.Length;
            return true;
        }

        written = 0;
        return false;
    }

    private static char HexDigit(int value) => (char)(value < 10 ? '0' + value : 'a' + value - 10);

    private static string CharsToEscape()
    {
        var chars = new char[0x22];
        for (int i = 0; i < 0x20; i++)
        {
            chars[i] = (char)i;
        }

        chars[0x20] = '"';
        chars[0x21] = '\\';
        return new string(chars);
    }

    private static byte[] BytesToEscape()
    {
        var bytes = new byte[0x22];
        for (int i = 0; i < 0x20; i++)
        {
            bytes[i] = (byte)i;
        }

        bytes[0x20] = (byte)'"';
        bytes[0x21] = (byte)'\\';
        return bytes;
    }
}
