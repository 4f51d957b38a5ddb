using Actors.Contracts.Centers;

namespace Actors.Contracts.Scheduling;

/// <summary>How long one appointment for a service takes at a desk.</summary>
[GenerateSerializer, Immutable]
public sealed record ServiceSlotLength(
    [property: Id(0)] CenterService Service,
    [property: Id(1)] int Minutes);
