using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Linq.Expressions;
using System.Reflection;
using System.Threading;
using Authing.Generated.Generator;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Microsoft.CodeAnalysis;

namespace Authing.Generated.Benchmarks;

/// <summary>How parsing and output grow with the number of pages: 10, 100 and the whole corpus.</summary>
[SimpleJob(warmupCount: 3, iterationCount: 10)]
[Config(typeof(Columns))]
public class ScaleBenchmarks
{
    // The parser is internal to the generator; a compiled call keeps reflection out of the measurement.
    private static readonly Func<string, string, object> s_parse = CreateParse();

    private PageFile[] _pages = Array.Empty<PageFile>();

    [ParamsSource(nameof(PageCounts))]
    public int Pages { get; set; }

    public static IEnumerable<int> PageCounts => new[] { 10, 100, Corpus.Paths.Count };

    [GlobalSetup]
    public void Setup() => _pages = Corpus.LoadSample(Pages);

    /// <summary>Markdown to page model, page by page, as the generator's per-page stage does.</summary>
    [Benchmark]
    public object? Parse()
    {
        object? last = null;
        foreach (PageFile page in _pages)
        {
            last = s_parse(page.Path, page.Content);
        }

        return last;
    }

    /// <summary>The whole generator over the same pages: parse, merge, emit and parse of the output.</summary>
    [Benchmark]
    public GeneratorDriver Generate() => Corpus.CreateDriver(_pages).RunGenerators(Corpus.CreateConsumer());

    /// <summary>What one run emits over a sample: source bytes (UTF-8) and operations.</summary>
    internal static (long Bytes, int Operations) MeasureOutput(int pages)
    {
        GeneratorRunResult result = Corpus.CreateDriver(Corpus.LoadSample(pages)).RunGenerators(Corpus.CreateConsumer())
            .GetRunResult().Results.Single();
        long bytes = 0;
        int operations = 0;
        foreach (GeneratedSourceResult source in result.GeneratedSources)
        {
            string text = source.SourceText.ToString();
            bytes += System.Text.Encoding.UTF8.GetByteCount(text);
            if (text.Contains("global::Authing.Generated.Runtime.AuthingOperation<", StringComparison.Ordinal))
            {
                operations++;
            }
        }

        return (bytes, operations);
    }

    private static Func<string, string, object> CreateParse()
    {
        MethodInfo parse = typeof(ClientGenerator).Assembly
            .GetType("Authing.Generated.Generator.Parsing.PageParser", throwOnError: true)!
            .GetMethod("Parse", BindingFlags.Public | BindingFlags.Static)!;
        ParameterExpression path = Expression.Parameter(typeof(string), "path");
        ParameterExpression text = Expression.Parameter(typeof(string), "text");
        MethodCallExpression call = Expression.Call(
            parse,
            path,
            text,
            Expression.Constant(null, parse.GetParameters()[2].ParameterType),
            Expression.Constant(CancellationToken.None));
        return Expression.Lambda<Func<string, string, object>>(Expression.Convert(call, typeof(object)), path, text).Compile();
    }

    private sealed class Columns : ManualConfig
    {
        public Columns()
        {
            AddColumn(new PerPageColumn(), new EmittedColumn("Operations", o => o.Operations.ToString(CultureInfo.InvariantCulture)),
                new EmittedColumn("Emitted B/operation", o => (o.Bytes / Math.Max(1, o.Operations)).ToString("N0", CultureInfo.InvariantCulture)));
        }
    }

    /// <summary>The mean divided by the page count.</summary>
    private sealed class PerPageColumn : IColumn
    {
        public string Id => nameof(PerPageColumn);

        public string ColumnName => "Per page";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 0;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => "Mean divided by the number of pages";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            double? mean = summary[benchmarkCase]?.ResultStatistics?.Mean;
            int pages = (int)benchmarkCase.Parameters["Pages"];
            return mean is null ? "?" : (mean.Value / pages / 1000).ToString("N1", CultureInfo.InvariantCulture) + " μs";
        }

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public bool IsAvailable(Summary summary) => true;
    }

    /// <summary>A figure about the generator's output for the case's page count, computed once per count here.</summary>
    private sealed class EmittedColumn : IColumn
    {
        private static readonly ConcurrentDictionary<int, (long Bytes, int Operations)> s_output = new();
        private readonly Func<(long Bytes, int Operations), string> _format;

        public EmittedColumn(string name, Func<(long Bytes, int Operations), string> format)
        {
            ColumnName = name;
            _format = format;
        }

        public string Id => nameof(EmittedColumn) + ColumnName;

        public string ColumnName { get; }

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 1;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => "Generated source over the page sample (not timed)";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) =>
            _format(s_output.GetOrAdd((int)benchmarkCase.Parameters["Pages"], MeasureOutput));

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public bool IsAvailable(Summary summary) => true;
    }
}
