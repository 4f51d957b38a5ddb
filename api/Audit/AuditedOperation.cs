using Actors.Contracts.Audit;

namespace Actors.Api.Audit;

/// <summary>
/// What one GraphQL operation did that the trail must hold, gathered while it runs (fields resolve in parallel, hence
/// the lock) and written once it has run: one step per mutation field executed, one per root field that read
/// personal data.
/// </summary>
internal sealed class AuditedOperation
{
    private const string Key = "actors.audit";

    private readonly Lock _gate = new();
    private readonly List<AuditedStep> _steps = [];
    private readonly Dictionary<string, AuditedStep> _reads = new(StringComparer.Ordinal);

    /// <summary>Starts gathering for the operation whose context this is.</summary>
    public static AuditedOperation Begin(IDictionary<string, object?> userContext)
    {
        ArgumentNullException.ThrowIfNull(userContext);
        var operation = new AuditedOperation();
        userContext[Key] = operation;
        return operation;
    }

    /// <summary>The operation being gathered for, or null outside an audited execution.</summary>
    public static AuditedOperation? Of(IDictionary<string, object?>? userContext) =>
        userContext is not null && userContext.TryGetValue(Key, out var value) ? value as AuditedOperation : null;

    public IReadOnlyList<AuditedStep> Steps
    {
        get
        {
            lock (_gate)
            {
                return [.. _steps];
            }
        }
    }

    public AuditedStep Mutation(string operation)
    {
        var step = new AuditedStep(AuditKind.Mutation, operation);
        lock (_gate)
        {
            _steps.Add(step);
        }

        return step;
    }

    /// <summary>
    /// A subscribe to a stream of personal data: a read (the trail's kinds are MUTATION and READ), taken once when the
    /// stream is joined, since the events that follow are that same read going on.
    /// </summary>
    public AuditedStep Subscription(string operation)
    {
        var step = new AuditedStep(AuditKind.Read, operation);
        lock (_gate)
        {
            _steps.Add(step);
        }

        return step;
    }

    /// <summary>Records a read of personal data under the root field (by its response name) that led to it.</summary>
    public void Read(string rootResponseName, string rootField, string? objectId, string? governorate, string? failure)
    {
        lock (_gate)
        {
            if (!_reads.TryGetValue(rootResponseName, out var step))
            {
                step = new AuditedStep(AuditKind.Read, rootField);
                _reads[rootResponseName] = step;
                _steps.Add(step);
            }

            step.Touched(objectId, governorate);
            if (failure is not null)
            {
                step.Failed(failure);
            }
        }
    }

    /// <summary>A step's changes once its field has resolved; under the same lock as reads.</summary>
    public void Update(Action change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (_gate)
        {
            change();
        }
    }
}
