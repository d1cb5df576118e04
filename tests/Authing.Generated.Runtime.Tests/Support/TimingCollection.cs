namespace Authing.Generated.Runtime.Tests.Support;

/// <summary>Tests that measure elapsed time run alone, so other tests' load cannot skew them.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimingCollection
{
    public const string Name = "Timing";
}
