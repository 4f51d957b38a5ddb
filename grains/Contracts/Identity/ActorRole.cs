namespace Actors.Contracts.Identity;

/// <summary>The roles of API.md; a token carries exactly one.</summary>
public enum ActorRole
{
    Citizen,
    Agent,
    Supervisor,
    Analyst,
    FundManager,
    Operator,
    EducationOfficer,

    /// <summary>The platform itself (reminders, the outbox relay, sandbox adapters).</summary>
    System,
}
