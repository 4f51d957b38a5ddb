namespace Actors.Contracts.Interop.CivilRegistry;

[GenerateSerializer, Immutable]
public sealed record FiliationCheck([property: Id(0)] FiliationOutcome Outcome);
