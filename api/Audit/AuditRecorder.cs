using Actors.Contracts.Audit;
using Actors.Contracts.Identity;
using Actors.Contracts.Naming;

namespace Actors.Api.Audit;

/// <summary>
/// Turns what an operation did into records and hands them to the trail's writer, and waits until they are stored:
/// an answer is not given for something the trail does not hold. The writer batches the records of concurrent
/// operations into one transaction.
/// </summary>
public sealed class AuditRecorder(IGrainFactory grains, AuditAddressHasher hasher, TimeProvider clock, ILogger<AuditRecorder> logger)
{
    /// <summary>Stores the steps; false (and logged) when the trail could not store them.</summary>
    internal async Task<bool> TryRecordAsync(Actor? actor, string clientAddress, IReadOnlyList<AuditedStep> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        if (steps.Count == 0)
        {
            return true;
        }

        var at = clock.GetUtcNow();
        var address = hasher.Hash(clientAddress);
        var records = steps.Select(step => new AuditRecord(
                at, actor?.Issuer ?? "", actor?.Subject ?? "", actor is null ? AuditRecord.Anonymous : SchemaText.Of(actor.Role),
                step.Kind, step.Operation, [.. step.ObjectIds], step.Governorates, address, step.Outcome))
            .ToList();
        try
        {
            await grains.GetGrain<IAuditTrailGrain>(0).Append(records);
            return true;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            logger.LogError(ex, "The audit trail did not store {Count} entries ({Operations})", records.Count, string.Join(", ", records.Select(r => r.Operation)));
            return false;
        }
    }
}
