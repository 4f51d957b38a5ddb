namespace Actors.Contracts.Requests;

/// <summary>
/// One step on a request. Reason is mandatory for the steps that refuse or stop a request;
/// the other fields belong to the step that needs them (payment, appointment, delivery).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record RequestCommand(
    [property: Id(0)] RequestAction Action,
    [property: Id(1)] string? Reason = null,
    [property: Id(2)] string? PaymentReference = null,
    [property: Id(3)] long? AmountMillimes = null,
    [property: Id(4)] DateTimeOffset? AppointmentAt = null,
    [property: Id(5)] DeliveryChannel? DeliveryChannel = null,
    [property: Id(6)] long? ExpectedVersion = null,
    [property: Id(7)] CorrectionCode? CorrectionCode = null,
    [property: Id(8)] string? CorrectionField = null,
    [property: Id(9)] Scheduling.SlotKey? Slot = null,
    [property: Id(10)] string? IdempotencyKey = null,
    [property: Id(11)] IdentityCheck? IdentityCheck = null);
