using System;
using System.IO;

namespace Authing.Generated.Sandbox.Tests;

/// <summary>A temporary folder of reference pages written by a test, deleted afterwards.</summary>
internal sealed class PageFolder : IDisposable
{
    public PageFolder()
    {
        string name = "authing-sandbox-tests-" + Guid.NewGuid().ToString("N");
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), name);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Write(string fileName, string text)
    {
        string file = System.IO.Path.Combine(Path, fileName);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        File.WriteAllText(file, text);
        return file;
    }

    public string WriteBytes(string fileName, byte[] bytes)
    {
        string file = System.IO.Path.Combine(Path, fileName);
        File.WriteAllBytes(file, bytes);
        return file;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; a failing cleanup must not hide the test's result.
        }
    }
}
