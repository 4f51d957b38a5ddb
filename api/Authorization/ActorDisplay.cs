using Actors.Contracts.Identity;
using Actors.Contracts.Naming;

namespace Actors.Api.Authorization;

/// <summary>
/// How a recorded actor ("ROLE:subject") is shown to the caller. A citizen learns the role and the place of whoever
/// acted on their request, never the staff member's identity: "AGENT @ TN11-GU1" (the agent's center when they acted:
/// the history records it; else the request's center),
/// "SUPERVISOR @ TUNIS" (a supervisor of its governorate), the role alone for other staff. Their own steps and the
/// platform's ("SYSTEM:...") read as recorded. Staff callers see what was recorded.
/// </summary>
public static class ActorDisplay
{
    public const string Separator = " @ ";

    /// <summary>The field description's wording, so that every field showing actors says the same.</summary>
    public const string Documentation =
        "ROLE:subject of whoever acted. A CITIZEN sees a staff member as their role and place instead: "
        + "'AGENT @ <center code>' (in a history, the agent's center when they acted; elsewhere the request's center), 'SUPERVISOR @ <governorate code>', the role alone for other staff roles; "
        + "their own steps and the platform's (SYSTEM:...) as recorded.";

    public static string ForCaller(Actor? caller, string recorded, string centerCode, string governorate)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        if (caller?.Role != ActorRole.Citizen)
        {
            return recorded;
        }

        var colon = recorded.IndexOf(':', StringComparison.Ordinal);
        var role = colon < 0 ? recorded : recorded[..colon];
        return role switch
        {
            _ when role == SchemaText.Of(ActorRole.Citizen) || role == SchemaText.Of(ActorRole.System) => recorded,
            _ when role == SchemaText.Of(ActorRole.Agent) => role + Separator + centerCode,
            _ when role == SchemaText.Of(ActorRole.Supervisor) => role + Separator + governorate,
            _ => StaffRole(role),
        };
    }

    // The previous release wrote roles without underscores (FUNDMANAGER): shown as the schema spells them today.
    private static string StaffRole(string recordedRole) =>
        Enum.GetValues<ActorRole>().Select(SchemaText.Of).FirstOrDefault(r => r.Replace("_", "", StringComparison.Ordinal) == recordedRole) ?? recordedRole;
}
