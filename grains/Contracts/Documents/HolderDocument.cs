namespace Actors.Contracts.Documents;

[GenerateSerializer, Immutable]
public sealed record HolderDocument(
    [property: Id(0)] string Number,
    [property: Id(1)] DateTimeOffset IssuedAt);
