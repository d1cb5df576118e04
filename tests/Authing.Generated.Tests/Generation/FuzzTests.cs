using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Authing.Generated.Tests.Corpus;
using Microsoft.CodeAnalysis;
using Xunit;
using Xunit.Abstractions;

namespace Authing.Generated.Tests.Generation;

/// <summary>
/// Seeded random mutations of real pages never make the generator throw; every 20th mutation is compiled and
/// either compiles or carries a diagnostic. <c>AUTHING_FUZZ_ITERATIONS</c> runs more, <c>AUTHING_FUZZ_SEED</c> another seed.
/// </summary>
public class FuzzTests(ITestOutputHelper output)
{
    private const string Alphabet = "|`<>#-\n *[]\"\\:：a1";

    [Fact]
    public void Mutated_pages_never_make_the_generator_throw()
    {
        var iterations = EnvironmentNumber("AUTHING_FUZZ_ITERATIONS", 2000);
        var seed = EnvironmentNumber("AUTHING_FUZZ_SEED", 20261203);
        var random = new Random(seed);
        var pages = CorpusPages.Paths;
        var compiled = 0;
        var compiledClean = 0;

        for (var i = 0; i < iterations; i++)
        {
            var path = pages[random.Next(pages.Length)];
            var mutated = Mutate(File.ReadAllText(path), random);
            var page = new PageFile("/fuzz/" + i.ToString(CultureInfo.InvariantCulture) + "/" + Path.GetFileName(path), mutated);
            var run = i % 20 == 0
                ? GeneratorHarness.Run(new[] { page }, null)
                : new GeneratorRun(GeneratorHarness.CreateDriver(new[] { page }).RunGenerators(GeneratorHarness.CreateCompilation()), GeneratorHarness.CreateCompilation(), default);

            var failure = run.GeneratorExceptions().FirstOrDefault();
            Assert.True(failure is null, $"seed {seed}, iteration {i}, page {path}: {failure}");
            Assert.DoesNotContain(run.Result.Diagnostics, d => d.Id == "AUTHGEN012");
            if (i % 20 != 0)
            {
                continue;
            }

            compiled++;
            var problems = run.CompilationProblems();
            if (problems.Count == 0)
            {
                compiledClean++;
                continue;
            }

            Assert.True(
                run.Result.Diagnostics.Any(d => d.Severity >= DiagnosticSeverity.Warning),
                $"seed {seed}, iteration {i}, page {path}: generated code does not compile and no diagnostic says why:{Environment.NewLine}" +
                string.Join(Environment.NewLine, problems.Take(5)));
        }

        output.WriteLine($"seed {seed}: {iterations} mutations, {compiled} compiled, {compiledClean} of them without problems");
    }

    private static string Mutate(string text, Random random)
    {
        var lines = text.Split('\n').ToList();
        var steps = 1 + random.Next(4);
        for (var s = 0; s < steps && lines.Count > 1; s++)
        {
            var line = random.Next(lines.Count);
            switch (random.Next(5))
            {
                case 0:
                    lines[line] = DropCell(lines[line], random);
                    break;
                case 1:
                    lines.RemoveAt(line);
                    break;
                case 2:
                    lines[line] = Flip(lines[line], random);
                    break;
                case 3:
                    var other = random.Next(lines.Count);
                    (lines[line], lines[other]) = (lines[other], lines[line]);
                    break;
                default:
                    lines[line] = lines[line].Substring(0, random.Next(lines[line].Length + 1));
                    break;
            }
        }

        return string.Join("\n", lines);
    }

    private static string DropCell(string line, Random random)
    {
        var cells = line.Split('|').ToList();
        if (cells.Count < 3)
        {
            return line;
        }

        cells.RemoveAt(1 + random.Next(cells.Count - 2));
        return string.Join("|", cells);
    }

    private static string Flip(string line, Random random)
    {
        if (line.Length == 0)
        {
            return Alphabet[random.Next(Alphabet.Length)].ToString();
        }

        var chars = line.ToCharArray();
        var index = random.Next(chars.Length);
        chars[index] = random.Next(4) == 0 ? (char)random.Next(0x20, 0xFFFF) : Alphabet[random.Next(Alphabet.Length)];
        return new string(chars);
    }

    private static int EnvironmentNumber(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
