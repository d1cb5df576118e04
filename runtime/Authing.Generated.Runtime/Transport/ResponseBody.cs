using System;
using System.Buffers;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Authing.Generated.Runtime;

/// <summary>
/// A response body read into a pooled buffer, never into a string. A body that breaks off is kept as far as it
/// arrived, with the failure. Dispose returns the buffer.
/// </summary>
internal sealed class ResponseBody : IDisposable
{
    private const int InitialSize = 4096;
    private const int FirstBufferLimit = 64 * 1024;

    private byte[]? _buffer;

    private ResponseBody(byte[] buffer, int length, bool exceededLimit, Exception? readFailure = null)
    {
        _buffer = buffer;
        Length = length;
        ExceededLimit = exceededLimit;
        ReadFailure = readFailure;
    }

    public int Length { get; }

    /// <summary>The body was longer than the limit; <see cref="Span"/> holds only its start.</summary>
    public bool ExceededLimit { get; }

    /// <summary>
    /// Why the body stopped before its end (the connection closed or was reset, compressed data was corrupt);
    /// <see cref="Span"/> holds what arrived before. Null when the body was read to its end.
    /// </summary>
    public Exception? ReadFailure { get; }

    public ReadOnlySpan<byte> Span => _buffer.AsSpan(0, Length);

    public static async Task<ResponseBody> ReadAsync(HttpContent content, int maxBytes, CancellationToken cancellationToken)
    {
        // A declared length sizes the first buffer only up to a cap: a server or proxy that announces a large body and
        // sends little must not cost that much memory per call. The buffer grows as data arrives.
        long? declared = content.Headers.ContentLength;
        int size = (int)Math.Min(declared is > 0 ? Math.Min(declared.Value, FirstBufferLimit) : InitialSize, maxBytes);
        byte[] buffer = ArrayPool<byte>.Shared.Rent(size);
        int length = 0;
        try
        {
            Stream stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                while (true)
                {
                    if (length == maxBytes)
                    {
                        // At the limit: one more byte is how a body that is too long is told from one that just fits.
                        int more = await stream.ReadAsync(new byte[1], cancellationToken).ConfigureAwait(false);
                        return new ResponseBody(buffer, length, exceededLimit: more > 0);
                    }

                    if (length == buffer.Length)
                    {
                        buffer = Grow(buffer, length, (int)Math.Min((long)buffer.Length * 2, maxBytes));
                    }

                    int end = Math.Min(buffer.Length, maxBytes);
                    int read = await stream.ReadAsync(buffer.AsMemory(length, end - length), cancellationToken)
                        .ConfigureAwait(false);
                    if (read == 0)
                    {
                        return new ResponseBody(buffer, length, exceededLimit: false);
                    }

                    length += read;
                }
            }
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            return new ResponseBody(buffer, length, exceededLimit: false, readFailure: e);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    public void Dispose()
    {
        byte[]? buffer = Interlocked.Exchange(ref _buffer, null);
        if (buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static byte[] Grow(byte[] buffer, int length, int newSize)
    {
        byte[] larger = ArrayPool<byte>.Shared.Rent(newSize);
        buffer.AsSpan(0, length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(buffer);
        return larger;
    }
}
