using Actors.Contracts.Errors;
using Actors.Contracts.Identity;
using Actors.Contracts.Naming;
using Actors.Contracts.Requests;
using Actors.Contracts.Requests.Clocks;
using Actors.Grains.Scheduling;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Actors.Grains.Clocks;

/// <summary>
/// The service-level clock of one request. It holds no state of its own: the request carries its due date and
/// marks, and the one durable reminder carries the next look. Each look reads the request as it is now, does
/// what is due (flag overdue, escalate, expire an unbooked card) through the request's own guarded steps, and
/// moves the reminder to the next threshold, at most <see cref="SlaOptions.MaxReminderDelay"/> ahead so that a
/// calendar change is seen in time; a final request, or one without a threshold, has no reminder.
/// Its activation is short-lived (issue 15, memory per request): it holds nothing the reminder does not, so it goes two
/// minutes after a change (long enough for the steps of one sitting to share one reminder write, see
/// <see cref="registeredTick"/>; Orleans wants more than its collection quantum, one minute by default) and right
/// after a look, whose next one is the durable reminder's tick.
/// </summary>
[CollectionAgeLimit(Minutes = 2)]
public sealed class RequestClockGrain(IOptionsMonitor<SlaOptions> options, TimeProvider clock, ILogger<RequestClockGrain> logger)
    : Grain, IRequestClockGrain, IRemindable
{
    private const string ReminderName = "sla-clock";
    private const int MaxStepsPerLook = 10;

    /// <summary>Who histories name for the clock's steps.</summary>
    public static Actor Clock { get; } = Actor.System("sla-clock");

    // Counts wakes, so that a look that read the request before a wake never schedules from a stale read.
    private long wakes;

    // When the reminder this activation registered ticks next (clock time); null when unknown: before this activation
    // registered one, once its tick began a look, or after it was removed. Lets a change whose thresholds all come
    // after that tick leave the reminder as it is: one reminder write per request instead of two per status change.
    private DateTimeOffset? registeredTick;

    // Counts reminder writes begun: when two interleave (a change during a look), which one landed last is unknown.
    private long registrations;

    private ICitizenRequestGrain Request => GrainFactory.Reference<ICitizenRequestGrain>(this.GetPrimaryKey());

    public async Task Wake()
    {
        wakes++;

        // Durable before returning: the look survives a crash of every silo. It runs on the reminder's tick,
        // outside the caller's call chain (which may be the request's own commit, in embedded mode).
        await Register(TimeSpan.Zero);
    }

    public Task Changed(DateTimeOffset? earliestThreshold)
    {
        wakes++;
        var now = clock.GetUtcNow();

        // No threshold left: a reminder registered earlier finds that out at its tick and goes; none is needed now.
        if (earliestThreshold is not { } earliest)
        {
            return Task.CompletedTask;
        }

        // The registered tick comes first: its look reads the request as it will be then and schedules from there.
        if (registeredTick is { } tick && tick > now && tick <= earliest)
        {
            return Task.CompletedTask;
        }

        // Nothing can be due before the earliest threshold: the first look goes there (at most MaxReminderDelay
        // ahead), not at once, which saves a look and a second reminder write per change.
        return Schedule(earliest > now ? earliest - now : TimeSpan.Zero);
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        registeredTick = null;
        try
        {
            await Look();
        }
        finally
        {
            // The next look is the reminder's tick, hours away as a rule: nothing is lost by going now.
            this.DeactivateOnIdle();
        }
    }

    private async Task Look()
    {
        for (var i = 0; i < MaxStepsPerLook; i++)
        {
            var seen = wakes;
            var request = await Request.Find(Clock);
            var calendar = request is null || request.IsFinal ? null : await CenterCalendarReader.Read(GrainFactory, request.CenterId);
            var next = calendar is { } found ? ServiceLevelTargets.Next(options.CurrentValue, request!, found.Calendar, found.Holidays) : null;
            var now = clock.GetUtcNow();
            if (next is not null && next.At <= now)
            {
                await Act(request!, next);
                continue;
            }

            if (next is null)
            {
                await Stop();
            }
            else
            {
                await Schedule(next.At - now);
            }

            // Woken while we looked: the request changed under us, look again rather than keep a stale schedule.
            if (wakes == seen)
            {
                return;
            }
        }

        // A request that keeps changing under us: the reminder's period brings the next look.
        logger.LogWarning("The clock of request {RequestId} kept seeing changes; it looks again at its next tick.", this.GetPrimaryKey());
    }

    private async Task Act(CitizenRequestView request, ClockDeadline deadline)
    {
        switch (deadline.Kind)
        {
            case ClockDeadlineKind.Overdue:
                await Request.FlagOverdue(Clock, request.Version);
                break;
            case ClockDeadlineKind.Escalation:
                await Request.Escalate(Clock, request.Version);
                break;
            default:
                var days = options.CurrentValue.ExpireUnbookedAfter;
                var reason = $"No appointment was booked within {SchemaText.Number(days)} working days in status {SchemaText.Of(RequestStatus.Paid)}.";
                try
                {
                    await Request.Perform(Clock, new RequestCommand(RequestAction.ExpireRequest, reason, ExpectedVersion: request.Version));
                }
                catch (DomainException refused) when (refused.Error.Code is ErrorCodes.VersionMismatch or ErrorCodes.InvalidTransition)
                {
                    // Booked or moved on between our read and our step: the next read decides.
                    logger.LogDebug("Request {RequestId} changed before its unbooked expiry; the clock reads it again.", request.Id);
                }

                break;
        }
    }

    private async Task Schedule(TimeSpan untilNext)
    {
        var settings = options.CurrentValue;
        var dueTime = untilNext < settings.MaxReminderDelay ? untilNext : settings.MaxReminderDelay;
        await Register(dueTime);
    }

    private async Task Register(TimeSpan dueTime)
    {
        var mine = ++registrations;
        registeredTick = null;
        await this.RegisterOrUpdateReminder(ReminderName, dueTime, options.CurrentValue.ReminderPeriod);
        if (mine == registrations)
        {
            registeredTick = clock.GetUtcNow() + dueTime;
        }
    }

    private async Task Stop()
    {
        try
        {
            registeredTick = null;
            registrations++;
            if (await this.GetReminder(ReminderName) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The reminder changed under us (a wake registered it again): it stays, which only costs a spare look.
            logger.LogDebug(ex, "The clock of request {RequestId} kept its reminder.", this.GetPrimaryKey());
        }
    }
}
