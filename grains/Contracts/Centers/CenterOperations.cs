using Actors.Contracts.Errors;

namespace Actors.Contracts.Centers;

/// <summary>
/// What a center grain offers, each with the refusals it may raise: the grain refuses through
/// these and the API builds each mutation's error union from them.
/// </summary>
public static class CenterOperations
{
    public static DomainOperation Register { get; } = new("registerServiceCenter",
        ErrorCodes.NotAllowed, ErrorCodes.ValidationFailed, ErrorCodes.CenterAlreadyRegistered, ErrorCodes.InvalidCenterServices);

    public static DomainOperation UpdateReadiness { get; } = new("updateCenterReadiness",
        ErrorCodes.NotAllowed, ErrorCodes.ValidationFailed, ErrorCodes.CenterNotFound);

    public static DomainOperation ChangePhase { get; } = new("changeCenterRolloutPhase",
        ErrorCodes.NotAllowed, ErrorCodes.ValidationFailed, ErrorCodes.CenterNotFound, ErrorCodes.CenterNotReady,
        ErrorCodes.InvalidTransition, ErrorCodes.ReasonRequired);

    public static DomainOperation ChangeServices { get; } = new("changeCenterServices",
        ErrorCodes.NotAllowed, ErrorCodes.ValidationFailed, ErrorCodes.CenterNotFound, ErrorCodes.InvalidCenterServices);

    public static DomainOperation SetOpeningHours { get; } = new("setCenterOpeningHours",
        ErrorCodes.NotAllowed, ErrorCodes.CenterNotFound, ErrorCodes.CalendarInvalid);

    public static DomainOperation SetDesks { get; } = new("setCenterDesks",
        ErrorCodes.NotAllowed, ErrorCodes.CenterNotFound, ErrorCodes.CalendarInvalid);

    public static DomainOperation AddClosure { get; } = new("addCenterClosure",
        ErrorCodes.NotAllowed, ErrorCodes.CenterNotFound, ErrorCodes.CalendarInvalid);

    public static DomainOperation RemoveClosure { get; } = new("removeCenterClosure",
        ErrorCodes.NotAllowed, ErrorCodes.CenterNotFound, ErrorCodes.CalendarInvalid);

    public static DomainOperation AddSpecialPeriod { get; } = new("addCenterSpecialHoursPeriod",
        ErrorCodes.NotAllowed, ErrorCodes.CenterNotFound, ErrorCodes.CalendarInvalid);

    public static DomainOperation RemoveSpecialPeriod { get; } = new("removeCenterSpecialHoursPeriod",
        ErrorCodes.NotAllowed, ErrorCodes.CenterNotFound, ErrorCodes.CalendarInvalid);

    public static IReadOnlyList<DomainOperation> All { get; } =
    [
        Register, UpdateReadiness, ChangePhase, ChangeServices,
        SetOpeningHours, SetDesks, AddClosure, RemoveClosure, AddSpecialPeriod, RemoveSpecialPeriod,
    ];
}
