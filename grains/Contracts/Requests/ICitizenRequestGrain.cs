using Actors.Contracts.Identity;
using Actors.Contracts.Interop;
using Actors.Contracts.Interop.Payments;
using Actors.Contracts.Requests.Payments;
using Orleans.Concurrency;

namespace Actors.Contracts.Requests;

/// <summary>
/// One citizen request. Its key is derived from the submitter and their idempotency key, so a
/// retried submission lands on the same grain and gets the same request back.
/// Refusals are <see cref="Errors.DomainException"/>s and change nothing.
/// </summary>
public interface ICitizenRequestGrain : IGrainWithGuidKey
{
    Task<CitizenRequestView> SubmitIdCard(Actor actor, IdCardApplication application);

    Task<CitizenRequestView> SubmitCriminalRecord(Actor actor, CriminalRecordApplication application);

    Task<CitizenRequestView> Perform(Actor actor, RequestCommand command);

    /// <summary>
    /// The center closed on the appointment's day or stopped taking bookings: the appointment moves to the earliest free slot
    /// of the same center, or is cancelled (back to PAID), with the reason shown and told. Changes nothing unless the request
    /// still holds this seat. Null for no such request.
    /// </summary>
    Task<CitizenRequestView?> DisplaceAppointment(string holdId, string reason);

    /// <summary>Moves the request to another center of its governorate: the owner's consent, before any appointment.</summary>
    Task<CitizenRequestView> MoveToCenter(Actor actor, string centerId);

    /// <summary>
    /// Opens an online payment of the fee (AWAITING_PAYMENT only, by the owner or a desk in scope), or returns
    /// the one this idempotency key already opened. A newer payment supersedes an open one without a session.
    /// </summary>
    Task<Payment> OpenPayment(Actor actor, string? idempotencyKey);

    /// <summary>Records where the payer goes to pay (the gateway's hosted page), once per order.</summary>
    Task<Payment> AttachPaymentSession(GatewaySession session);

    /// <summary>Applies one authenticated gateway webhook message; the same message id counts once.</summary>
    Task<GatewayNoticeOutcome> ApplyGatewayNotice(GatewayNotice notice);

    /// <summary>Marks a captured payment refunded, once (the gateway took the refund).</summary>
    Task<CitizenRequestView> RecordRefund(GatewayRefund refund);

    /// <summary>
    /// The request waits on an outside system (or no longer, with null). System actors only. Nothing changes if the
    /// request moved on since <paramref name="seenVersion"/> (an agent took the step meanwhile).
    /// </summary>
    Task<CitizenRequestView> MarkPending(Actor actor, OutsideSystem? pendingOn, long seenVersion);

    /// <summary>
    /// Asked by a day schedule when a hold reaches its expiry: does this request hold it (committed), is the turn
    /// that took it still running, or neither? Interleaved, so it answers while that very turn awaits the schedule.
    /// </summary>
    [AlwaysInterleave]
    Task<Scheduling.HoldStanding> AppointmentHold(string holdId);

    /// <summary>
    /// The request clock flags the request overdue (OverdueSince = DueAt) once its due date has passed. System actors
    /// only; nothing changes if the request moved on since <paramref name="seenVersion"/> or is already flagged.
    /// </summary>
    Task<CitizenRequestView> FlagOverdue(Actor actor, long seenVersion);

    /// <summary>
    /// The request clock escalates an overdue request to its governorate's supervisors (the second threshold, which the
    /// clock computes). System actors only; nothing changes if the request moved on since <paramref name="seenVersion"/>.
    /// </summary>
    Task<CitizenRequestView> Escalate(Actor actor, long seenVersion);

    /// <summary>The request if it exists and the actor may see it; otherwise null (the two look alike).</summary>
    [ReadOnly]
    Task<CitizenRequestView?> Find(Actor actor);
}
