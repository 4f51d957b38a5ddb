using Actors.Persistence.Outbox;

namespace Actors.Tests.Architecture.Samples;

/// <summary>A known violation: a persistence type only as a generic argument of a parameter.</summary>
internal static class GenericArgumentUseSample
{
    public static int Count(IReadOnlyList<OutboxRelayOptions> options) => options.Count;
}
