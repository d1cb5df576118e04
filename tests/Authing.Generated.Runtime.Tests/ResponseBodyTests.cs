using System;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;

namespace Authing.Generated.Runtime.Tests;

/// <summary>Reading a reply into a pooled buffer: the limit, exactly, and no memory taken on a server's word.</summary>
public sealed class ResponseBodyTests
{
    [Theory]
    [InlineData(100, 100, false)]
    [InlineData(101, 100, true)]
    [InlineData(99, 100, false)]
    [InlineData(70_000, 70_000, false)]
    [InlineData(70_001, 70_000, true)]
    public async Task A_body_is_refused_only_when_it_is_longer_than_the_limit(int bodyLength, int limit, bool refused)
    {
        using var content = new StreamContent(new MemoryStream(new byte[bodyLength]));

        using ResponseBody body = await ResponseBody.ReadAsync(content, limit, default);

        Assert.Equal(refused, body.ExceededLimit);
        Assert.Equal(Math.Min(bodyLength, limit), body.Length);
        Assert.Null(body.ReadFailure);
    }

    [Fact]
    public async Task A_large_declared_length_with_a_short_body_takes_little_memory()
    {
        byte[] bytes = Encoding.UTF8.GetBytes("""{"statusCode":200}""");
        using var content = new StreamContent(new MemoryStream(bytes));
        content.Headers.ContentLength = 100L * 1024 * 1024;

        long before = GC.GetAllocatedBytesForCurrentThread();
        using ResponseBody body = await ResponseBody.ReadAsync(content, 32 * 1024 * 1024, default);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(bytes.Length, body.Length);
        Assert.True(allocated < 1024 * 1024, $"reading {bytes.Length} bytes allocated {allocated} bytes");
    }
}
