using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace Authing.Generated.Generator;

/// <summary>Equal only to itself: for a pipeline step whose output is compared piecewise further on.</summary>
internal sealed class ReferenceEqualityComparer<T> : IEqualityComparer<T>
    where T : class
{
    public static readonly ReferenceEqualityComparer<T> Instance = new();

    public bool Equals(T? x, T? y) => ReferenceEquals(x, y);

    public int GetHashCode(T obj) => RuntimeHelpers.GetHashCode(obj);
}
