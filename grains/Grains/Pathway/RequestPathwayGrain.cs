using Actors.Contracts.Errors;
using Actors.Contracts.Interop;
using Actors.Contracts.Interop.Exchanges;
using Actors.Contracts.Naming;
using Actors.Contracts.Outbox;
using Actors.Contracts.Requests;
using Actors.Contracts.Requests.Pathway;
using Actors.Contracts.Requests.Payments;
using Actors.Contracts.Scheduling;
using Actors.Grains.Steps;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Actors.Grains.Pathway;

/// <summary>
/// The automatic pathway of one request. Each turn reads the request as it is now and takes the one thing
/// due: refunds owed, the notification of the latest step, then what the status asks (verification with
/// the civil registry and Education, the record check with Justice, the payment deadline). Outside calls
/// happen here, never in the request's turn; their answers reach the request as ordinary steps by a
/// system actor, so an agent can always take the same step by hand. A durable reminder brings the work
/// back after a crash; a timer makes retries prompt.
/// </summary>
public sealed class RequestPathwayGrain : Grain, IRequestPathwayGrain, IRemindable
{
    private const string ReminderName = "pathway";
    private const int MaxStepsPerTurn = 25;

    private readonly IPersistentState<RequestPathwayState> state;
    private readonly GrainSteps<RequestPathwayState> steps;
    private readonly PathwayVerification verification;
    private readonly PathwayNotifier notifier;
    private readonly PathwayRefunds refunds;
    private readonly IOptionsMonitor<PathwayOptions> options;
    private readonly TimeProvider clock;
    private readonly ILogger<RequestPathwayGrain> logger;
    private IGrainTimer? timer;
    private DateTimeOffset? timerDue;
    private bool reminderRegistered;

    // The end of the long wait the reminder is registered for; null when it ticks at its period.
    private DateTimeOffset? reminderUntil;

    // A reminder is never first due later than this: a calendar or configuration change is seen within a day.
    private static readonly TimeSpan MaxFirstDue = TimeSpan.FromDays(1);

    // Counts wakes, so that a look at the request that began before a wake never puts the pathway to sleep.
    private long wakes;

    public RequestPathwayGrain(
        [PersistentState(StorageNames.RequestPathwayState, StorageNames.Domain)] IPersistentState<RequestPathwayState> state,
        IOutboxPublisher outbox,
        PathwayVerification verification,
        PathwayNotifier notifier,
        PathwayRefunds refunds,
        IOptionsMonitor<PathwayOptions> options,
        TimeProvider clock,
        ILogger<RequestPathwayGrain> logger)
    {
        this.state = state;
        this.verification = verification;
        this.notifier = notifier;
        this.refunds = refunds;
        this.options = options;
        this.clock = clock;
        this.logger = logger;
        steps = new GrainSteps<RequestPathwayState>(state, this, outbox, clock, AggregateTypes.RequestPathway);
    }

    private RequestPathwayState S => state.State;

    private Guid RequestId => this.GetPrimaryKey();

    private ICitizenRequestGrain Request => GrainFactory.Reference<ICitizenRequestGrain>(RequestId);

    public async Task Wake()
    {
        if (!options.CurrentValue.Automatic)
        {
            return;
        }

        wakes++;

        // Durable first: once this call returns, a crash of this silo cannot lose the work.
        await EnsureReminder();
        RunAt(clock.GetUtcNow());
    }

    public Task RecordExchange(ExchangeRecord exchange) => CommitExchange(exchange);

    public Task ReceiveReminder(string reminderName, TickStatus status) =>
        options.CurrentValue.Automatic ? Advance() : Task.CompletedTask;

    private async Task Advance()
    {
        for (var i = 0; i < MaxStepsPerTurn; i++)
        {
            var seen = wakes;
            var request = await Request.Find(PathwayActors.Pathway);
            if (request is null)
            {
                await Quiesce(seen);
                return;
            }

            var next = await Step(request);
            switch (next.Kind)
            {
                case PathwayStepKind.Again:
                    continue;
                case PathwayStepKind.Wait:
                    await EnsureReminder(next.Until!.Value);
                    RunAt(next.Until!.Value);
                    return;
                default:
                    // Woken while we looked (the request moved on meanwhile): look again instead of sleeping.
                    if (wakes != seen)
                    {
                        continue;
                    }

                    await Quiesce(seen);
                    return;
            }
        }

        // A request that keeps changing under us: look again shortly instead of spinning.
        RunAt(clock.GetUtcNow() + TimeSpan.FromSeconds(1));
    }

    /// <summary>One look at the request: the first thing due, in order of what matters to the citizen's money and time.</summary>
    private async Task<PathwayStep> Step(CitizenRequestView request)
    {
        var now = clock.GetUtcNow();
        if (S.NextAttemptAt is { } retryAt && retryAt > now)
        {
            return PathwayStep.WaitUntil(retryAt);
        }

        try
        {
            if (PaymentRules.RefundsDue(request).FirstOrDefault(p => !PathwayRefunds.WasRefused(S, p)) is { } refund)
            {
                if (await refunds.Refund(request, refund, S, CommitExchange, Save))
                {
                    await notifier.Notify(request, "refunded", PaymentIds.RefundId(refund.OrderId), S, Save);
                }

                await Recovered();
                return PathwayStep.Again;
            }

            var told = await notifier.NotifyLatestStep(request, S, Save);
            var step = await ByStatus(request, now);
            await Recovered();

            // A notification the provider could not take now is tried again, even when nothing else is due.
            return !told && step.Kind == PathwayStepKind.Idle ? PathwayStep.WaitUntil(now + options.CurrentValue.RetryDelay) : step;
        }
        catch (OutsideSystemUnavailableException unavailable)
        {
            return await WaitFor(request, unavailable);
        }
        catch (DomainException refused) when (refused.Error.Code is ErrorCodes.VersionMismatch or ErrorCodes.InvalidTransition)
        {
            // Someone (an agent, the gateway) moved the request between our read and our step: read it again.
            return PathwayStep.Again;
        }
        catch (Exception unexpected) when (unexpected is not OperationCanceledException)
        {
            // A bug or a refusal we did not expect must not stop this request's pathway for good: log it, try later.
            logger.LogError(unexpected, "The pathway of request {RequestId} failed in status {Status}; it tries again later.", RequestId, request.Status);
            return await Later();
        }
    }

    private async Task<PathwayStep> Later()
    {
        var settings = options.CurrentValue;
        S.FailuresInARow++;
        var delay = TimeSpan.FromTicks(Math.Min(
            settings.MaxRetryDelay.Ticks,
            settings.RetryDelay.Ticks * (long)Math.Pow(2, Math.Min(S.FailuresInARow - 1, 20))));
        S.NextAttemptAt = clock.GetUtcNow() + delay;
        await Save();
        return PathwayStep.WaitUntil(S.NextAttemptAt.Value);
    }

    private async Task<PathwayStep> ByStatus(CitizenRequestView request, DateTimeOffset now)
    {
        switch (request.Status)
        {
            case RequestStatus.Submitted:
                await Perform(request, PathwayActors.Pathway, RequestAction.StartVerification);
                return PathwayStep.Again;

            case RequestStatus.Verifying:
                var outcome = await verification.Verify(request, S, CommitExchange);
                await Perform(request, outcome.Actor, outcome.Action, outcome.Reason, outcome.Code, outcome.Field);
                return PathwayStep.Again;

            case RequestStatus.AwaitingPayment:
                return await PaymentDeadlines(request, now);

            case RequestStatus.Paid when request.Kind == RequestKind.CriminalRecordExtract:
                await Perform(request, PathwayActors.Pathway, RequestAction.StartRecordCheck);
                return PathwayStep.Again;

            case RequestStatus.AppointmentBooked when request.Appointment is { } appointment:
                return await AppointmentEve(request, appointment, now);

            case RequestStatus.RecordCheck:
                var record = await verification.CheckRecord(request, S, CommitExchange);
                await Perform(request, record.Actor, record.Action, record.Reason);
                return PathwayStep.Again;

            default:
                return PathwayStep.Idle;
        }
    }

    /// <summary>An unpaid request is reminded once, then expires (EXPIRED is final).</summary>
    private async Task<PathwayStep> PaymentDeadlines(CitizenRequestView request, DateTimeOffset now)
    {
        var settings = options.CurrentValue;
        var since = request.History.LastOrDefault(h => h.Status == RequestStatus.AwaitingPayment)?.At ?? request.UpdatedAt;
        var expiresAt = since + settings.PaymentExpiresAfter;
        if (now >= expiresAt)
        {
            // An open payment at the gateway may still be captured: its capture is then refunded (PaymentRules).
            var days = (int)Math.Round(settings.PaymentExpiresAfter.TotalDays);
            await Perform(request, PathwayActors.Pathway, RequestAction.ExpireRequest,
                days >= 1 ? $"The fee was not paid within {days} days." : "The fee was not paid in time.");
            return PathwayStep.Again;
        }

        var remindAt = since + settings.PaymentReminderAfter;
        if (now >= remindAt)
        {
            var occasion = since.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
            await notifier.Notify(request, "payment-reminder", occasion, S, Save, expiresAt);
            return PathwayStep.WaitUntil(expiresAt);
        }

        return PathwayStep.WaitUntil(remindAt);
    }

    /// <summary>
    /// The evening before the appointment (18:00, Africa/Tunis) the citizen is reminded of it, once per booking; a booking
    /// made after that evening has just been confirmed by its own message.
    /// </summary>
    private async Task<PathwayStep> AppointmentEve(CitizenRequestView request, Appointment appointment, DateTimeOffset now)
    {
        var eve = TunisTime.ToInstant(TunisTime.DayOf(appointment.At).AddDays(-1), new TimeOnly(18, 0));
        if (now >= appointment.At || appointment.BookedAt >= eve)
        {
            return PathwayStep.Idle;
        }

        if (now < eve)
        {
            return PathwayStep.WaitUntil(eve);
        }

        var occasion = appointment.HoldId ?? appointment.At.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await notifier.Notify(request, "appointment-reminder", occasion, S, Save)
            ? PathwayStep.Idle
            : PathwayStep.WaitUntil(now + options.CurrentValue.RetryDelay);
    }

    private Task Perform(
        CitizenRequestView request, Contracts.Identity.Actor actor, RequestAction action, string? reason = null,
        CorrectionCode? code = null, string? field = null) =>
        Request.Perform(actor, new RequestCommand(action, reason, ExpectedVersion: request.Version, CorrectionCode: code, CorrectionField: field));

    /// <summary>The outside system did not answer: the request shows what it waits on, and we try again later, longer each time.</summary>
    private async Task<PathwayStep> WaitFor(CitizenRequestView request, OutsideSystemUnavailableException unavailable)
    {
        S.WaitingOn = unavailable.System;
        var later = await Later();
        logger.LogWarning("Request {RequestId} waits on {System} ({Reason}); attempt {Failures} failed, next at {NextAttempt}.",
            RequestId, unavailable.System, unavailable.Reason, S.FailuresInARow, S.NextAttemptAt);

        // Only a step the request cannot take without the system makes it "pending on" it (not a refund of a closed request).
        if (!request.IsFinal && unavailable.System != OutsideSystem.PaymentGateway)
        {
            await Request.MarkPending(PathwayActors.Pathway, unavailable.System, request.Version);
        }

        return later;
    }

    private async Task Recovered()
    {
        if (S.FailuresInARow == 0 && S.NextAttemptAt is null && S.WaitingOn is null)
        {
            return;
        }

        S.FailuresInARow = 0;
        S.NextAttemptAt = null;
        S.WaitingOn = null;
        await Save();
    }

    private async Task CommitExchange(ExchangeRecord exchange)
    {
        var (version, now) = steps.Next();
        await steps.Commit(RequestId.ToString("D"), [new ExchangeRecorded(exchange.TriggeredBy, version, now, exchange)]);
    }

    private Task Save() => steps.Commit(RequestId.ToString("D"), []);

    /// <summary>
    /// The durable reminder: at the period while work is due now, or first due at the end of a long wait (an appointment
    /// days away, a payment deadline) so that a waiting request does not tick every few minutes for days.
    /// </summary>
    private async Task EnsureReminder(DateTimeOffset? until = null)
    {
        var period = options.CurrentValue.ReminderPeriod;
        var wait = until is { } end ? end - clock.GetUtcNow() : TimeSpan.Zero;
        var firstDue = wait > period ? (wait < MaxFirstDue ? wait : MaxFirstDue) : period;
        var wanted = firstDue == period ? (DateTimeOffset?)null : until;
        if (reminderRegistered && reminderUntil == wanted)
        {
            return;
        }

        await this.RegisterOrUpdateReminder(ReminderName, firstDue, period);
        reminderRegistered = true;
        reminderUntil = wanted;
    }

    /// <summary>
    /// Nothing to do until the request changes: no reminder keeps this grain (or its storage) busy. A wake that
    /// arrives while the reminder is being removed registers it again and runs the pathway.
    /// </summary>
    private async Task Quiesce(long seen)
    {
        timer?.Dispose();
        timer = null;
        timerDue = null;
        try
        {
            var reminder = await this.GetReminder(ReminderName);
            if (reminder is not null && wakes == seen)
            {
                await this.UnregisterReminder(reminder);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The reminder changed under us (a wake re-registered it): it stays, which only costs a spare tick.
            logger.LogDebug(ex, "The pathway of request {RequestId} kept its reminder.", RequestId);
        }

        reminderRegistered = false;
        reminderUntil = null;
        if (wakes != seen)
        {
            await EnsureReminder();
            RunAt(clock.GetUtcNow());
        }
    }

    /// <summary>Runs <see cref="Advance"/> at <paramref name="due"/> (or sooner if already planned sooner), on this grain's own turn.</summary>
    private void RunAt(DateTimeOffset due)
    {
        if (timer is not null && timerDue is { } planned && planned <= due)
        {
            return;
        }

        var delay = due - clock.GetUtcNow();
        if (delay < TimeSpan.Zero)
        {
            delay = TimeSpan.Zero;
        }

        // Beyond the reminder's period the reminder wakes us anyway; a timer that long would only pin the activation.
        if (delay > options.CurrentValue.ReminderPeriod)
        {
            return;
        }

        timer?.Dispose();
        timerDue = due;
        timer = this.RegisterGrainTimer(
            async _ =>
            {
                timer?.Dispose();
                timer = null;
                timerDue = null;
                await Advance();
            },
            new GrainTimerCreationOptions { DueTime = delay, Period = Timeout.InfiniteTimeSpan, Interleave = false });
    }
}
