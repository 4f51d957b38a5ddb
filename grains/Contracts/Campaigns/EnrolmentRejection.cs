namespace Actors.Contracts.Campaigns;

/// <summary>A row that was not enrolled: its line (1 is the header), its enrolment id when readable, and why.</summary>
[GenerateSerializer, Immutable]
public sealed record EnrolmentRejection(
    [property: Id(0)] int Line,
    [property: Id(1)] string? EnrolmentId,
    [property: Id(2)] string Reason);
