using Actors.Contracts.Naming;
using Actors.Contracts.Retention;
using Actors.Grains.Persistence;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Actors.Grains.Retention;

/// <summary>
/// The purge's sweep: one durable reminder for the whole system (a million final requests are a million rows in day
/// buckets, not a million reminders). Each tick walks the buckets from the first open day through today; a past day
/// is closed once empty, today's is swept again at the next tick.
/// </summary>
public sealed class RetentionGrain(
    [PersistentState(StorageNames.RetentionState, StorageNames.Domain)] IPersistentState<RetentionState> state,
    IOptionsMonitor<RetentionOptions> options,
    TimeProvider clock,
    ILogger<RetentionGrain> logger)
    : Grain, IRetentionGrain, IRemindable
{
    private const string ReminderName = "retention-sweep";

    private bool started;

    public async Task Start()
    {
        if (started)
        {
            return;
        }

        // Durable before returning: the sweep happens even if every silo stops. The first tick comes one period on;
        // requests scheduled now are not due before their period (at least a day) has passed.
        var period = options.CurrentValue.SweepPeriod;
        await this.RegisterOrUpdateReminder(ReminderName, period, period);

        // The sweep walks the buckets from the day of the first schedule on, whenever its first tick comes: a silo
        // down for days (or a first tick late for any reason) must not skip the buckets of the days in between.
        if (state.State.OpenFrom is null)
        {
            state.State.OpenFrom = RetentionDays.Of(clock.GetUtcNow()).AddDays(-1);
            await state.WriteOrRestoreAsync(this);
        }

        started = true;
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        var sweep = await Sweep();
        if (sweep.Purged > 0 || sweep.Rescheduled > 0)
        {
            logger.LogInformation(
                "Retention sweep: {Purged} requests purged, {Rescheduled} moved to a later day, {Remaining} waiting today.",
                sweep.Purged, sweep.Rescheduled, sweep.Remaining);
        }
    }

    public Task<DateTimeOffset?> BackfilledAt() => Task.FromResult(state.State.BackfilledAt);

    public async Task MarkBackfilled(int requests)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(requests);
        if (state.State.BackfilledAt is not null)
        {
            return;
        }

        state.State.BackfilledAt = clock.GetUtcNow();
        state.State.Backfilled = requests;
        await state.WriteOrRestoreAsync(this);
        logger.LogInformation("Retention backfill: {Requests} requests that were final before the retention existed are in their buckets.", requests);
    }

    public async Task<RetentionSweep> Sweep()
    {
        var settings = options.CurrentValue;
        var policy = settings.Policy();
        var now = clock.GetUtcNow();
        var today = RetentionDays.Of(now);

        // Nothing is ever scheduled before the day of the first schedule (buckets are today or later), and the reminder
        // exists from that schedule on; a day back covers a first schedule just before midnight.
        var from = state.State.OpenFrom ?? today.AddDays(-1);
        int purged = 0, rescheduled = 0, remaining = 0;
        DateOnly? closedThrough = null;
        var closing = true;
        try
        {
            for (var day = from; day <= today; day = day.AddDays(1))
            {
                var past = day < today;
                var bucket = GrainFactory.Reference<IRetentionDayGrain>(RetentionDays.KeyOf(day));
                RetentionDayPass pass;
                do
                {
                    pass = await bucket.Purge(policy, now, settings.BatchSize, close: past);
                    purged += pass.Purged;
                    rescheduled += pass.Rescheduled;
                }
                while (pass.Remaining > 0 && pass.Settled > 0);

                remaining += pass.Remaining;
                // The open days start at the first that is not closed: a bucket that failed keeps its day open.
                closing = closing && past && pass.Remaining == 0;
                if (closing)
                {
                    closedThrough = day;
                    state.State.OpenFrom = day.AddDays(1);
                }
            }
        }
        finally
        {
            state.State.OpenFrom ??= from;
            state.State.LastSweepAt = now;
            await state.WriteOrRestoreAsync(this);
        }

        return new RetentionSweep(purged, rescheduled, remaining, closedThrough);
    }
}
