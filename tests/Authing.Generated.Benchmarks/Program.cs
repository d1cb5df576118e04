using BenchmarkDotNet.Running;

namespace Authing.Generated.Benchmarks;

/// <summary>
/// Runs the benchmarks named by <c>--filter</c>, then prints the ratios the project's targets are stated in.
/// </summary>
public static class Program
{
    public static void Main(string[] args)
    {
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        TargetReport.Print(summaries);
    }
}
