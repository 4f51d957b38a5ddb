using Actors.Grains.Requests;

namespace Actors.Tests.Architecture.Samples;

/// <summary>A known violation: a grain implementation named only inside a lambda, which the compiler moves to a nested class.</summary>
internal static class LambdaUseSample
{
    public static Func<string> GrainName() => () => typeof(CitizenRequestGrain).Name;
}
