namespace Actors.Contracts.Interop.Exchanges;

/// <summary>
/// Which exchanges to list; the conditions are ANDed, a null value or an empty list meaning "any". The window of
/// time is [<see cref="From"/>, <see cref="To"/>).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ExchangeFilter(
    [property: Id(0)] Guid? RequestId = null,
    [property: Id(1)] IReadOnlyList<OutsideSystem>? Systems = null,
    [property: Id(2)] IReadOnlyList<string>? Governorates = null,
    [property: Id(3)] IReadOnlyList<string>? CenterIds = null,
    [property: Id(4)] DateTimeOffset? From = null,
    [property: Id(5)] DateTimeOffset? To = null,
    [property: Id(6)] IReadOnlyList<string>? Outcomes = null,
    [property: Id(7)] Guid? ExchangeId = null);
