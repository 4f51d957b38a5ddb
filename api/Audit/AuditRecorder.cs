using Actors.Contracts.Audit;
using Actors.Contracts.Identity;
using Actors.Contracts.Naming;
using Microsoft.Extensions.Options;

namespace Actors.Api.Audit;

/// <summary>
/// Turns what an operation did into records and hands them to the trail's writer, and waits until they are stored:
/// an answer is not given for something the trail does not hold. The writer batches the records of concurrent
/// operations into one transaction. The writer is one grain: when its silo dies, the records are sent again until it
/// runs on another (<see cref="AuditOptions.RecordPatience"/>), each with the entry id it was given here, so that a
/// mutation that committed keeps its entry and a record whose first sending was stored after all is not stored twice.
/// </summary>
public sealed class AuditRecorder(
    IGrainFactory grains, AuditAddressHasher hasher, TimeProvider clock, IOptions<AuditOptions> options, ILogger<AuditRecorder> logger)
{
    private static readonly TimeSpan FirstPause = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(2);

    /// <summary>Stores the steps; false (and logged) when the trail could not store them within the patience.</summary>
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
                step.Kind, step.Operation, [.. step.ObjectIds], step.Governorates, address, step.Outcome) { EntryId = Guid.CreateVersion7() })
            .ToList();
        // Real time, not the domain's clock (which a test may hold still): the patience is about a silo coming back.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        var pause = FirstPause;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await grains.Reference<IAuditTrailGrain>(0).Append(records);
                if (attempt > 1)
                {
                    logger.LogWarning("The audit trail stored {Count} entries ({Operations}) at attempt {Attempt}", records.Count, Operations(records), attempt);
                }

                return true;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                if (waited.Elapsed + pause >= options.Value.RecordPatience)
                {
                    logger.LogError(ex, "The audit trail did not store {Count} entries ({Operations}) in {Attempts} attempts", records.Count, Operations(records), attempt);
                    return false;
                }

                logger.LogWarning("The audit trail did not take {Count} entries ({Operations}) at attempt {Attempt}: {Error}; sending them again",
                    records.Count, Operations(records), attempt, ex.Message);
                await Task.Delay(pause);
                pause = TimeSpan.FromTicks(Math.Min(LongestPause.Ticks, pause.Ticks * 2));
            }
        }
    }

    private static string Operations(IEnumerable<AuditRecord> records) => string.Join(", ", records.Select(r => r.Operation));
}
