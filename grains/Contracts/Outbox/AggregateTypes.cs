namespace Actors.Contracts.Outbox;

/// <summary>Names of event-emitting aggregates, as stored in the outbox.</summary>
public static class AggregateTypes
{
    public const string CitizenRequest = "citizen-request";
    public const string ServiceCenter = "service-center";
    public const string FundAllocation = "fund-allocation";
    public const string Fund = "fund";
    public const string RequestPathway = "request-pathway";
    public const string NationalCalendar = "national-calendar";
}
