using System;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Authing.Generated.Runtime.Tests.Support;

/// <summary>
/// A TCP listener on 127.0.0.1 that answers every request with fixed bytes and then closes the connection cleanly:
/// for replies Kestrel will not send, such as a body shorter than its Content-Length.
/// </summary>
internal sealed class RawReplyServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly byte[] _reply;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _accepting;
    private int _requestCount;

    private RawReplyServer(string reply)
    {
        _reply = Encoding.UTF8.GetBytes(reply);
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        _accepting = AcceptAsync();
    }

    /// <summary>The host to put in <see cref="AuthingClientOptions.Host"/>.</summary>
    public string Host => "http://127.0.0.1:" + ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>How many requests have arrived so far.</summary>
    public int RequestCount => Volatile.Read(ref _requestCount);

    /// <summary>Starts a server that writes <paramref name="reply"/>, status line and headers included.</summary>
    public static RawReplyServer Start(string reply) => new(reply);

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (OperationCanceledException)
        {
        }
        catch (SocketException)
        {
        }

        _stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (true)
        {
            using Socket socket = await _listener.AcceptSocketAsync(_stopping.Token);
            await ReadRequestAsync(socket);
            Interlocked.Increment(ref _requestCount);
            await socket.SendAsync(_reply, SocketFlags.None, _stopping.Token);

            // Everything the client sent has been read, so closing sends a FIN, not a reset that could discard the
            // reply before the client reads it.
            socket.Shutdown(SocketShutdown.Both);
        }
    }

    private async Task ReadRequestAsync(Socket socket)
    {
        var received = new StringBuilder();
        var buffer = new byte[4096];
        int headerEnd;
        while ((headerEnd = received.ToString().IndexOf("\r\n\r\n", StringComparison.Ordinal)) < 0)
        {
            int read = await socket.ReceiveAsync(buffer, SocketFlags.None, _stopping.Token);
            if (read == 0)
            {
                return;
            }

            received.Append(Encoding.Latin1.GetString(buffer, 0, read));
        }

        int bodyLength = ContentLength(received.ToString(0, headerEnd));
        int bodyReceived = received.Length - headerEnd - 4;
        while (bodyReceived < bodyLength)
        {
            int read = await socket.ReceiveAsync(buffer, SocketFlags.None, _stopping.Token);
            if (read == 0)
            {
                return;
            }

            bodyReceived += read;
        }
    }

    private static int ContentLength(string headers)
    {
        foreach (string line in headers.Split("\r\n"))
        {
            if (line.StartsWith("content-length:", StringComparison.OrdinalIgnoreCase))
            {
                return int.Parse(line.AsSpan("content-length:".Length), System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return 0;
    }
}
