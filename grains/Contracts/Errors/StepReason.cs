using Actors.Contracts.Naming;

namespace Actors.Contracts.Errors;

/// <summary>
/// A reason or note given with a step, read the same way by every grain: trimmed, null when blank,
/// and refused (VALIDATION_FAILED) beyond <see cref="DomainLimits.MaxReasonLength"/> characters,
/// whoever the caller.
/// </summary>
public static class StepReason
{
    public static string? Of(DomainOperation operation, string? reason)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var text = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        return text is { Length: > DomainLimits.MaxReasonLength }
            ? throw operation.Refuse(
                ErrorCodes.ValidationFailed, $"A reason has at most {DomainLimits.MaxReasonLength} characters.",
                ("field", "reason"), ("maxLength", SchemaText.Number(DomainLimits.MaxReasonLength)))
            : text;
    }
}
