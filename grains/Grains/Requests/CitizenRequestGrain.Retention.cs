using Actors.Contracts.Identity;
using Actors.Contracts.Requests;
using Actors.Contracts.Retention;
using Actors.Contracts.Retention.Events;
using Microsoft.Extensions.Logging;

namespace Actors.Grains.Requests;

/// <summary>
/// The retention purge of one request (law 2004-63: no personal data kept past its purpose). What stays is what the
/// anonymous counts and the accounts need: kind, status, governorate, center, dates, the statuses of the history, the
/// school (an institution, for the campaign's counts), payments (public accounts), the delivery's channel and proof kind.
/// </summary>
public sealed partial class CitizenRequestGrain : IRequestRetentionGrain
{
    private static readonly Actor Retention = Actor.System("retention");

    public async Task<PurgeResult> Purge(RetentionPolicy policy, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (!state.RecordExists || !RequestTransitions.IsFinal(S.Status))
        {
            return new PurgeResult(PurgeOutcome.NotFinal);
        }

        if (S.PurgedAt is not null)
        {
            return new PurgeResult(PurgeOutcome.AlreadyPurged);
        }

        // The period runs from the step into the final status, not from later touches (a refund recorded afterwards).
        var finalAt = S.History.LastOrDefault(h => h.Status == S.Status)?.At ?? S.UpdatedAt;
        if (policy.DueAt(S.Status, finalAt) is not { } dueAt)
        {
            return new PurgeResult(PurgeOutcome.NotFinal);
        }

        if (asOf < dueAt)
        {
            return new PurgeResult(PurgeOutcome.NotDue, dueAt);
        }

        var (version, now) = steps.Next();
        RemovePersonalData();
        S.PurgedAt = now;
        S.Version = version;
        await Commit([new RequestPurged(S.Status, finalAt, Retention.Describe(), version, now, ToView())]);
        logger.LogInformation("Request {Request} purged: {Status} since {FinalAt}.", S.Id, S.Status, finalAt);
        return new PurgeResult(PurgeOutcome.Purged);
    }

    /// <summary>
    /// Blanks every field that says who the applicant, the guardian or the pupil is, or how to reach them, and the free
    /// texts that may (reasons, correction notes, the appointment notice). The idempotency key and the application's
    /// fingerprint go too: the fingerprint is a hash of the personal data, which names and a birth date can be tried against.
    /// So does the owner's national ID number: a request submitted by its citizen stays theirs by (issuer, subject); a
    /// walk-in, owned by the number alone, is then no longer listed for anyone but staff of its scope.
    /// </summary>
    private void RemovePersonalData()
    {
        S.Applicant = null;
        S.Guardian = null;
        S.Contact = null;
        S.Purpose = null;
        S.Pupil = S.Pupil is { } pupil ? new PupilEnrolment(pupil.SchoolCode, pupil.SchoolName, Grade: null) : null;
        S.Correction = null;
        S.AppointmentNotice = null;
        S.IdempotencyKey = null;
        S.OwnerNationalIdNumber = null;
        S.ApplicationFingerprint = "";
        S.History = S.History.Select(h => h with { Reason = null }).ToList();
    }
}
