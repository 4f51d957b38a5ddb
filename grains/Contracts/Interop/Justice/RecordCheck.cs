namespace Actors.Contracts.Interop.Justice;

[GenerateSerializer, Immutable]
public sealed record RecordCheck([property: Id(0)] RecordOutcome Outcome);
