using Actors.Contracts.Audit;
using Actors.Contracts.Identity;
using Actors.Contracts.Naming;
using Microsoft.Extensions.Options;

namespace Actors.Api.Audit;

/// <summary>
/// Turns what an operation did into records and hands them to the trail's writer: an answer is not given for something
/// the trail does not hold, or will not hold whatever happens to this process. A mutation whose record committed beside
/// its change (its stamp, <see cref="AuditStamp"/>; found through <see cref="IAuditStamps"/>) is answered at once and its
/// record sent afterwards: should this process stop first, the silos append the entry from the stamp. Every other
/// record (a refusal, a change without a stamp, a read of personal data) is stored before the answer. The writer
/// batches the records of concurrent operations into one transaction. The writer is one grain: when its silo dies, the
/// records are sent again until it runs on another (<see cref="AuditOptions.RecordPatience"/>), each with the entry id
/// it was given here, so that a mutation that committed keeps its entry and a record whose first sending was stored
/// after all is not stored twice.
/// </summary>
public sealed class AuditRecorder(
    IGrainFactory grains, AuditAddressHasher hasher, TimeProvider clock, IOptions<AuditOptions> options, ILogger<AuditRecorder> logger,
    IAuditStamps? stamps = null)
{
    private static readonly TimeSpan FirstPause = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(2);

    /// <summary>The record of a mutation step as known when it starts: its stamp, outcome OK.</summary>
    internal AuditRecord StampOf(Actor? actor, string clientAddress, AuditedStep step) =>
        RecordOf(clock.GetUtcNow(), actor, hasher.Hash(clientAddress), step);

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
        var records = steps.Select(step => RecordOf(step.Stamp?.At ?? at, actor, address, step)).ToList();
        var committed = await CommittedStampsAsync(steps);
        if (committed.Count > 0)
        {
            _ = SendAfterTheAnswerAsync([.. records.Where(r => committed.Contains(r.EntryId))]);
            records = [.. records.Where(r => !committed.Contains(r.EntryId))];
        }

        return records.Count == 0 || await SendAsync(records);
    }

    private static AuditRecord RecordOf(DateTimeOffset at, Actor? actor, string? address, AuditedStep step) =>
        new(at, actor?.Issuer ?? "", actor?.Subject ?? "", actor is null ? AuditRecord.Anonymous : SchemaText.Of(actor.Role),
            step.Kind, step.Operation, [.. step.ObjectIds], step.Governorates, address, step.Outcome) { EntryId = step.EntryId };

    /// <summary>The steps whose stamp committed; none when stamps are not written here or cannot be read now.</summary>
    private async Task<IReadOnlySet<Guid>> CommittedStampsAsync(IReadOnlyList<AuditedStep> steps)
    {
        var stamped = steps.Where(s => s.Stamp is not null).Select(s => s.EntryId).ToList();
        if (stamps is null || stamped.Count == 0)
        {
            return new HashSet<Guid>();
        }

        try
        {
            return await stamps.CommittedAsync(stamped);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Then the records are stored before the answer, as without stamps.
            logger.LogWarning(ex, "The audit stamps of {Count} mutations could not be read; their records are stored before the answer", stamped.Count);
            return new HashSet<Guid>();
        }
    }

    private async Task SendAfterTheAnswerAsync(IReadOnlyList<AuditRecord> records)
    {
        try
        {
            if (!await SendAsync(records))
            {
                logger.LogWarning("The silos will append {Count} entries ({Operations}) from their stamps", records.Count, Operations(records));
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            logger.LogError(ex, "The audit records of {Operations} were not sent; the silos will append them from their stamps", Operations(records));
        }
    }

    private async Task<bool> SendAsync(IReadOnlyList<AuditRecord> records)
    {
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
