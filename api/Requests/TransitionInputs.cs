using Actors.Api.GraphQL;
using Actors.Api.Scheduling;
using Actors.Contracts.Errors;
using Actors.Contracts.Idempotency;
using Actors.Contracts.Naming;
using Actors.Contracts.Requests;
using GraphQL.Types;

namespace Actors.Api.Requests;

/// <summary>
/// The input type of each step, derived from the transition table: the request id, a reason
/// (non-null where the step requires one), an optional expectedVersion, and the step's own data.
/// Its error union is the step's operation (<see cref="RequestOperations.For"/>).
/// </summary>
public static class TransitionInputs
{
    public static InputObjectGraphType For(RequestTransition transition)
    {
        var input = new InputObjectGraphType { Name = action(transition) + "Input" };
        input.Field<NonNullGraphType<IdGraphType>>("requestId");
        if (transition.ReasonRequired)
        {
            input.Field<NonNullGraphType<StringGraphType>>("reason").Description($"Why; required for this step, at most {DomainLimits.MaxReasonLength} characters.");
        }
        else
        {
            input.Field<StringGraphType>("reason").Description($"Optional note, at most {DomainLimits.MaxReasonLength} characters.");
        }

        input.Field<LongGraphType>("expectedVersion").Description("Refuse the step (VERSION_MISMATCH) if the request changed since this version.");
        switch (transition.Action)
        {
            case RequestAction.RecordPayment:
                input.Field<NonNullGraphType<StringGraphType>>("paymentReference").Description("The payment's reference at the gateway or the cash desk.");
                input.Field<NonNullGraphType<LongGraphType>>("amountMillimes").Description("Must equal the request's fee.");
                break;
            case RequestAction.BookAppointment:
                input.Field<IdGraphType>("slot").Description("The id of an AppointmentSlot (availableSlots, nearestSlots). Required unless at is given.");
                input.Field<StringGraphType>("idempotencyKey").Description($"{IdempotencyPolicy.KeyFormat}; the same key books the same slot once.");
                input.Field<DateTimeScalar>("at").Description("Deprecated: use slot. The start of a slot at the request's center.")
                    .DeprecationReason("Use slot (an id from availableSlots); at books the slot starting then at the request's center.");
                break;
            case RequestAction.RescheduleAppointment:
                input.Field<NonNullGraphType<IdGraphType>>("slot").Description("The id of the new AppointmentSlot; it is held before the old one is freed.");
                input.Field<StringGraphType>("idempotencyKey").Description($"{IdempotencyPolicy.KeyFormat}; the same key moves to the same slot once.");
                break;
            case RequestAction.ConfirmDelivery:
                input.Field<DeliveryChannelType>("channel").Description("CENTER (default) or SCHOOL for pupils (the school of the enrolment).");
                input.Field<IdentityCheckType>("identityCheck").Description("Required at the CENTER: how the agent checked who collects the card.");
                break;
        }

        return input;

        static string action(RequestTransition t) => t.Action.ToString();
    }

    /// <summary>The step in the schema's words, e.g. "VERIFYING → AWAITING_PAYMENT. By AGENT, SUPERVISOR."</summary>
    public static string Describe(RequestTransition t) =>
        $"{string.Join(" / ", t.From.Select(s => SchemaText.Of(s)))} → {SchemaText.Of(t.To)}. "
        + $"By {string.Join(", ", t.Roles.Select(r => SchemaText.Of(r)))}{(t.OwnerMayAct ? (t.Roles.Count > 0 ? " or " : "") + "the owner" : "")}"
        + $"{(t.Kinds.Count == 1 ? $"; {SchemaText.Of(t.Kinds.Single())} only" : "")}.";

    /// <summary>A booking names a slot by id (or, deprecated, by its start at the request's center), with an optional idempotency key.</summary>
    private static RequestCommand Booking(RequestAction action, string? reason, long? expected, IReadOnlyDictionary<string, object?> input)
    {
        var slot = input.GetValueOrDefault("slot") is string id ? SlotIds.Decode(id, "input.slot") : null;
        var at = input.GetValueOrDefault("at") as DateTimeOffset?;
        if (slot is null && at is null)
        {
            throw GraphQL.Errors.ApiErrors.BadInput("slot is required.", "input.slot");
        }

        var key = ApplicationValidation.IdempotencyKey(input.GetValueOrDefault("idempotencyKey") as string);
        return new RequestCommand(action, reason, AppointmentAt: slot is null ? at : null, Slot: slot, IdempotencyKey: key, ExpectedVersion: expected);
    }

    public static RequestCommand Command(RequestAction action, IReadOnlyDictionary<string, object?> input)
    {
        // Normalised here; its length is a rule of the grain (VALIDATION_FAILED), the same for every caller.
        var reason = InputText.Optional(input.GetValueOrDefault("reason") as string, "input.reason");
        var expected = input.GetValueOrDefault("expectedVersion") is { } v ? Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture) : (long?)null;
        return action switch
        {
            RequestAction.RecordPayment => new RequestCommand(action, reason,
                PaymentReference: InputText.Required(input["paymentReference"] as string, "input.paymentReference", 64),
                AmountMillimes: Convert.ToInt64(input["amountMillimes"], System.Globalization.CultureInfo.InvariantCulture),
                ExpectedVersion: expected),
            RequestAction.BookAppointment or RequestAction.RescheduleAppointment => Booking(action, reason, expected, input),
            RequestAction.ConfirmDelivery => new RequestCommand(action, reason,
                DeliveryChannel: input.GetValueOrDefault("channel") as DeliveryChannel?, ExpectedVersion: expected,
                IdentityCheck: input.GetValueOrDefault("identityCheck") as IdentityCheck?),
            _ => new RequestCommand(action, reason, ExpectedVersion: expected),
        };
    }
}
