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

    public static IReadOnlyList<DomainOperation> All { get; } = [Register, UpdateReadiness, ChangePhase, ChangeServices];
}
