using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using BenchmarkDotNet.Reports;

namespace Authing.Generated.Benchmarks;

/// <summary>The figures the targets are stated in, each computed from benchmarks measured side by side.</summary>
internal static class TargetReport
{
    public static void Print(IEnumerable<Summary> summaries)
    {
        var reports = summaries.SelectMany(s => s.Reports).Where(r => r.ResultStatistics is not null).ToList();
        if (reports.Count == 0)
        {
            return;
        }

        Console.WriteLine();
        Console.WriteLine("// Targets (from this run)");
        Ratio(reports, "GeneratorOnly", "GeneratorAndCompile", "generator share of the consumer build", 0.10, time: true);
        Ratio(reports, "OneEditedPage", "GeneratorOnly", "one reworded page vs a full generator run", 0.05, time: true);
        Ratio(reports, "OneReshapedPage", "GeneratorOnly", "one page with a new table row (merges again) vs a full generator run", 0.05, time: true);
        Ratio(reports, "Generated", "HandWritten", "runtime call time vs hand-written", 1.2, time: true);
        Ratio(reports, "Generated", "HandWritten", "runtime call allocation vs hand-written", 2.0, time: false);

        foreach (var parse in reports.Where(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name == "Parse"))
        {
            int pages = (int)parse.BenchmarkCase.Parameters["Pages"];
            var (bytes, operations) = ScaleBenchmarks.MeasureOutput(pages);
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{pages,4} pages: parse {parse.ResultStatistics!.Mean / pages / 1000:N1} μs/page, " +
                $"{operations} operations, {bytes / Math.Max(1, operations):N0} emitted bytes/operation"));
        }
    }

    private static void Ratio(List<BenchmarkReport> reports, string measured, string against, string label, double target, bool time)
    {
        BenchmarkReport? a = Find(reports, measured);
        BenchmarkReport? b = Find(reports, against);
        if (a is null || b is null)
        {
            return;
        }

        double value;
        if (time)
        {
            value = a.ResultStatistics!.Mean / b.ResultStatistics!.Mean;
        }
        else
        {
            long? x = a.GcStats.GetBytesAllocatedPerOperation(a.BenchmarkCase);
            long? y = b.GcStats.GetBytesAllocatedPerOperation(b.BenchmarkCase);
            if (x is null || y is null || y == 0)
            {
                return;
            }

            value = (double)x.Value / y.Value;
            label += $" ({x} B vs {y} B)";
        }

        bool share = target < 1;
        string figure = share ? value.ToString("P1", CultureInfo.InvariantCulture) : value.ToString("0.00", CultureInfo.InvariantCulture) + "x";
        string verdict = value <= target ? "meets" : "MISSES";
        string stated = share ? target.ToString("P0", CultureInfo.InvariantCulture) : target.ToString("0.0", CultureInfo.InvariantCulture) + "x";
        Console.WriteLine(label + ": " + figure + " (" + verdict + " target " + stated + ")");
    }

    private static BenchmarkReport? Find(List<BenchmarkReport> reports, string method) =>
        reports.FirstOrDefault(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name == method);
}
