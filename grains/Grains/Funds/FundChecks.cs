using Actors.Contracts.Errors;
using Actors.Contracts.Funds;
using Actors.Contracts.Identity;
using Actors.Contracts.Naming;

namespace Actors.Grains.Funds;

/// <summary>
/// The rules every part of a fund year applies alike (who may act, amounts, reasons, programme lines),
/// each refusing through the operation at hand so that the refusal is one it declares.
/// </summary>
internal static class FundChecks
{
    public static void RequireFundManager(DomainOperation operation, Actor actor)
    {
        if (actor.Role is not (ActorRole.FundManager or ActorRole.System))
        {
            throw operation.Refuse(ErrorCodes.NotAllowed, $"Only a {SchemaText.Of(ActorRole.FundManager)} changes the fund.",
                ("role", SchemaText.Of(actor.Role)));
        }
    }

    public static void RequireOpen(DomainOperation operation, FundState state, long year)
    {
        if (!state.IsOpen)
        {
            throw operation.Refuse(ErrorCodes.FundNotFound, $"There is no fund for {SchemaText.Number(year)}.", ("year", SchemaText.Number(year)));
        }
    }

    public static void RequirePositive(DomainOperation operation, long millimes)
    {
        if (millimes <= 0)
        {
            throw operation.Refuse(ErrorCodes.ValidationFailed, "An amount is positive.", ("field", "amount"), ("amountDinars", SchemaText.Dinars(millimes)));
        }
    }

    /// <summary>A reason trimmed, or null when blank; longer than <see cref="DomainLimits.MaxReasonLength"/> is refused.</summary>
    public static string? Reason(DomainOperation operation, string? reason)
    {
        var text = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        return text is { Length: > DomainLimits.MaxReasonLength }
            ? throw operation.Refuse(ErrorCodes.ValidationFailed, $"A reason has at most {DomainLimits.MaxReasonLength} characters.",
                ("field", "reason"), ("maxLength", SchemaText.Number(DomainLimits.MaxReasonLength)))
            : text;
    }

    public static FundProgrammeLine Line(DomainOperation operation, FundState state, FundProgrammeCode code) =>
        state.Programmes.FirstOrDefault(p => p.Code == code)
        ?? throw operation.Refuse(ErrorCodes.ProgrammeNotFound, $"The {SchemaText.Number(state.Year)} fund has no programme {SchemaText.Of(code)}.",
            ("programme", SchemaText.Of(code)), ("year", SchemaText.Number(state.Year)));

    /// <summary>The amount must be available on the programme now (appropriation - reserved - allocated).</summary>
    public static void RequireAvailable(DomainOperation operation, FundState state, FundProgrammeLine line, long millimes)
    {
        var available = new FundLedger(state).Available(line);
        if (millimes > available)
        {
            throw operation.Refuse(ErrorCodes.AppropriationExceeded,
                $"Programme {SchemaText.Of(line.Code)} has {SchemaText.Dinars(available)} dinars available; {SchemaText.Dinars(millimes)} asked.",
                ("programme", SchemaText.Of(line.Code)), ("requestedDinars", SchemaText.Dinars(millimes)), ("availableDinars", SchemaText.Dinars(available)));
        }
    }

    public static DomainException SegregationOfDuties(DomainOperation operation, string what) =>
        operation.Refuse(ErrorCodes.SegregationOfDuties,
            $"The fund manager who proposed this {what} cannot approve it; another fund manager must.", ("object", what));

    /// <summary>
    /// Lists in state are always <see cref="List{T}"/>: storage serializers that record type names
    /// (the embedded memory storage's JSON) cannot rebuild the compiler's collection-expression types.
    /// </summary>
    public static List<T> Listed<T>(IEnumerable<T> earlier, T item) => [.. earlier, item];
}
