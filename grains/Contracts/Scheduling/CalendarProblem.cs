using Actors.Contracts.Errors;

namespace Actors.Contracts.Scheduling;

/// <summary>Why a calendar entry is refused: the input field at fault, a message, and parameters for clients.</summary>
public sealed record CalendarProblem(string Field, string Message, IReadOnlyList<KeyValuePair<string, string>> Parameters)
{
    public static CalendarProblem Of(string field, string message, params (string Key, string Value)[] parameters) =>
        new(field, message, [new("field", field), .. parameters.Select(p => new KeyValuePair<string, string>(p.Key, p.Value))]);

    /// <summary>The CALENDAR_INVALID refusal of an operation, with the field and parameters.</summary>
    public DomainException RefusedBy(DomainOperation operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        return operation.Refuse(ErrorCodes.CalendarInvalid, Message, Parameters.Select(p => (p.Key, p.Value)).ToArray());
    }
}
