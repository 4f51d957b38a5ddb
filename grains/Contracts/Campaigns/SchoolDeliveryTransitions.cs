using Actors.Contracts.Identity;

namespace Actors.Contracts.Campaigns;

/// <summary>
/// The state machine of a school delivery round in one table: the round grain enforces it, the API reads it for
/// <c>availableActions</c>. Agents act on their center's rounds; an education officer records the handover at the
/// school (within their governorate when their token names one); a supervisor of the governorate may cancel.
/// </summary>
public static class SchoolDeliveryTransitions
{
    public static IReadOnlyList<SchoolDeliveryTransition> All { get; } =
    [
        Row(SchoolDeliveryAction.DispatchSchoolDelivery, [SchoolDeliveryRoundStatus.Prepared], SchoolDeliveryRoundStatus.Dispatched,
            [ActorRole.Agent]),
        Row(SchoolDeliveryAction.RecordSchoolHandover, [SchoolDeliveryRoundStatus.Dispatched], SchoolDeliveryRoundStatus.HandedOver,
            [ActorRole.Agent, ActorRole.EducationOfficer]),
        Row(SchoolDeliveryAction.CancelSchoolDelivery, [SchoolDeliveryRoundStatus.Prepared], SchoolDeliveryRoundStatus.Cancelled,
            [ActorRole.Agent, ActorRole.Supervisor]),
    ];

    /// <summary>Rounds in these statuses hold their cards: a card is in at most one of them.</summary>
    public static IReadOnlySet<SchoolDeliveryRoundStatus> Open { get; } =
        new HashSet<SchoolDeliveryRoundStatus> { SchoolDeliveryRoundStatus.Prepared, SchoolDeliveryRoundStatus.Dispatched };

    public static SchoolDeliveryTransition For(SchoolDeliveryAction action) => All.Single(t => t.Action == action);

    public static bool Allows(SchoolDeliveryAction action, SchoolDeliveryRoundStatus status) => For(action).From.Contains(status);

    /// <summary>May this actor take this step on a round of this center and governorate (scope included)?</summary>
    public static bool MayAct(SchoolDeliveryTransition row, Actor actor, string centerId, string governorate)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(actor);
        return row.Roles.Contains(actor.Role) && IsInScope(actor, centerId, governorate);
    }

    /// <summary>Who sees a round: the agents of its center, the supervisors of its governorate, education officers (of its governorate when their token names one).</summary>
    public static bool IsInScope(Actor actor, string centerId, string governorate)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.Role switch
        {
            ActorRole.Agent => actor.CenterId is not null && actor.CenterId == centerId,
            ActorRole.Supervisor => actor.Governorate is not null && actor.Governorate == governorate,
            ActorRole.EducationOfficer => actor.Governorate is null || actor.Governorate == governorate,
            ActorRole.System => true,
            _ => false,
        };
    }

    /// <summary>The steps this actor can take now, in table order.</summary>
    public static IReadOnlyList<SchoolDeliveryAction> AvailableFor(SchoolDeliveryRoundView round, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(round);
        return All.Where(t => t.From.Contains(round.Status) && MayAct(t, actor, round.CenterId, round.Governorate)).Select(t => t.Action).ToList();
    }

    private static SchoolDeliveryTransition Row(SchoolDeliveryAction action, SchoolDeliveryRoundStatus[] from, SchoolDeliveryRoundStatus to, ActorRole[] roles) =>
        new(action, from.ToHashSet(), to, roles.ToHashSet());
}
